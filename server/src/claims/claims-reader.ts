import type { ClaimSummary } from '@infocig/shared';
import type { VisitorSnapshot } from '../chat/conversation-record.ts';
import type { ClaimsStore } from '../store/index.ts';
import type { PaymentTiming } from '../timing/payment-timing.ts';

/**
 * The claims a visitor may see, decided from their verified identity alone — a worker their own,
 * an owner or legal representative their company's; an intermediary first picks a delegated
 * company, so nothing is shown by default — with when each payment is likely to come.
 */
export function createClaimsReader(store: ClaimsStore, timing: PaymentTiming) {
  async function stored(visitor: VisitorSnapshot): Promise<ClaimSummary[]> {
    switch (visitor.role) {
      case 'lavoratore':
        return store.claimsForWorker(visitor.codiceFiscale);
      case 'titolare':
      case 'legale_rappresentante':
        return visitor.companyCf ? store.claimsForCompany(visitor.companyCf) : [];
      default:
        return [];
    }
  }

  return {
    async visibleTo(visitor: VisitorSnapshot): Promise<ClaimSummary[]> {
      return timing.annotate(await stored(visitor));
    },
  };
}

export type ClaimsReader = ReturnType<typeof createClaimsReader>;
