import {
  APPLICATION_STATUS_LABELS,
  BENEFIT_TYPE_LABELS,
  type ClaimSummary,
  type Language,
} from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';

/**
 * An application in one line, enough to tell them apart in the pre-chat form:
 * "Cassa integrazione ordinaria · dal 2 mar 2026 al 12 apr 2026 · In istruttoria · prot. 2026-RM-0001".
 */
export function applicationLabel(lang: Language, c: ClaimSummary): string {
  const date = (d: string) => formatDate(lang, d, 'medium');
  const period =
    lang === 'it'
      ? `dal ${date(c.periodFrom)} al ${date(c.periodTo)}`
      : `${date(c.periodFrom)} to ${date(c.periodTo)}`;
  const parts = [BENEFIT_TYPE_LABELS[c.benefitType][lang], period, APPLICATION_STATUS_LABELS[c.status][lang]];
  if (c.protocolNumber) parts.push(`${lang === 'it' ? 'prot.' : 'ref.'} ${c.protocolNumber}`);
  return parts.join(' · ');
}
