import type { ClaimSummary } from '@infocig/shared';
import type { ConversationSubject, VisitorSnapshot } from '../people/visitor.ts';
import type { ClaimsStore } from '../store/index.ts';
import type { PaymentTiming } from '../timing/payment-timing.ts';

/**
 * The claims a visitor may see, decided from their verified identity alone — a worker their own,
 * an owner or legal representative their company's; an intermediary first picks a delegated
 * company, so nothing is shown by default — with when each payment is likely to come.
 */
export function createClaimsReader(store: ClaimsStore, timing: PaymentTiming) {
  async function stored(visitor: VisitorSnapshot, subject: ConversationSubject): Promise<ClaimSummary[]> {
    switch (visitor.role) {
      case 'lavoratore':
        return store.claimsForWorker(visitor.codiceFiscale);
      case 'titolare':
      case 'legale_rappresentante':
        return visitor.companyCf ? store.claimsForCompany(visitor.companyCf) : [];
      case 'consulente': {
        // The delegation is checked at every read, so a revoked one stops access at once.
        const cf = subject.companyCf;
        const delegated = cf
          ? (await store.delegatedCompanies(visitor.codiceFiscale)).some((c) => c.cf === cf)
          : false;
        return cf && delegated ? store.claimsForCompany(cf) : [];
      }
      default:
        return [];
    }
  }

  return {
    /** The claims of the visitor, or of the company a conversation is about. */
    async visibleTo(visitor: VisitorSnapshot, subject: ConversationSubject = {}): Promise<ClaimSummary[]> {
      return timing.annotate(await stored(visitor, subject));
    },

    /** A company's claims, for callers that have already authorised the company. */
    async ofCompany(companyCf: string): Promise<ClaimSummary[]> {
      return timing.annotate(await store.claimsForCompany(companyCf));
    },
  };
}

export type ClaimsReader = ReturnType<typeof createClaimsReader>;
