import type { BenefitType } from '../domain/benefit-types.ts';
import type { Label } from '../domain/labels.ts';

/** The first CIG month for which the UniEmens-Cig flow is compulsory (domain.md §4, step 6). */
const UNIEMENS_CIG_FROM = '2022-05';

/**
 * How the employer sends a month's payment data, named for the text: CISOA on form SR43
 * (domain.md §3 Benefit types); the others on the UniEmens-Cig flow for months from May 2022, and
 * before that on form SR41, which the flow was replacing (§4 Claim lifecycle, step 6).
 * `competenceMonth` is `YYYY-MM`.
 */
export function paymentDataChannel(benefitType: BenefitType, competenceMonth: string): Label {
  if (benefitType === 'CISOA') return { it: 'modello SR43', en: 'form SR43' };
  if (competenceMonth.slice(0, 7) >= UNIEMENS_CIG_FROM) {
    return { it: 'flusso UniEmens-Cig', en: 'UniEmens-Cig flow' };
  }
  return { it: 'modello SR41 o flusso UniEmens-Cig', en: 'form SR41 or UniEmens-Cig flow' };
}
