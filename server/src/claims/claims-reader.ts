import type { ClaimSummary } from '@infocig/shared';
import type { VisitorSnapshot } from '../chat/conversation-record.ts';
import type { ClaimsStore } from '../store/index.ts';

/**
 * The claims a visitor may see, decided from their verified identity alone: a worker their own,
 * an owner or legal representative their company's. An intermediary first picks a delegated
 * company, so nothing is shown by default.
 */
export async function claimsVisibleTo(store: ClaimsStore, visitor: VisitorSnapshot): Promise<ClaimSummary[]> {
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
