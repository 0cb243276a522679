import {
  APPLICATION_STATUS_LABELS,
  type AssignedConversation,
  type CannedReply,
  type ClaimSummary,
  type Language,
  PAYMENT_STATUS_LABELS,
} from '@infocig/shared';
import { formatDate } from '@infocig/shared/client';
import { subjectApplication } from './subject.ts';

/** The placeholders a canned reply may hold, filled from the claim the chat is about. */
export const PLACEHOLDERS = ['stato', 'finestra_pagamento', 'prossimo_passo', 'sede'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type ClaimFields = Partial<Record<Placeholder, string>>;

/** What a placeholder the console does not know shows as: visibly missing, never silently empty. */
export const UNKNOWN_FIELD = '[?]';

/**
 * The claim a chat is about: the application the person named, else their only claim; none when
 * it is not clear which of several.
 */
export function subjectClaim(c: Pick<AssignedConversation, 'claims' | 'subject'>): ClaimSummary | null {
  return subjectApplication(c) ?? (c.claims.length === 1 ? (c.claims[0] ?? null) : null);
}

/**
 * The claim's fields in `lang`: its status (the latest payment's, for a worker whose application is
 * authorised and has payments), the window its next payment is likely in, what happens next, and
 * its INPS office.
 */
export function claimFields(claim: ClaimSummary | null, lang: Language): ClaimFields {
  if (!claim) return {};
  const latest = claim.payments.at(-1);
  const pending = claim.payments.find((p) => p.estimate !== null);
  const estimate = pending?.estimate ?? claim.estimate;
  const date = (iso: string) => formatDate(lang, iso, 'long');
  const status = latest
    ? `${APPLICATION_STATUS_LABELS[claim.status][lang]} (${PAYMENT_STATUS_LABELS[latest.status][lang]})`
    : APPLICATION_STATUS_LABELS[claim.status][lang];
  return {
    stato: status.toLowerCase(),
    ...(estimate
      ? {
          finestra_pagamento:
            (lang === 'it'
              ? `tra il ${date(estimate.from)} e il ${date(estimate.to)}`
              : `between ${date(estimate.from)} and ${date(estimate.to)}`) +
            // On the published averages alone the window is a rough guide, and the reply says so.
            (estimate.confidence === 'low'
              ? lang === 'it'
                ? ' (indicativamente, secondo i tempi medi pubblicati)'
                : ' (a rough guide, from the published average times)'
              : ''),
        }
      : {}),
    prossimo_passo: (pending?.guidance ?? claim.guidance)[lang],
    ...(claim.inpsOffice ? { sede: claim.inpsOffice } : {}),
  };
}

/** The reply's text with each known placeholder filled and each unknown one shown as `[?]`. */
export function fillPlaceholders(text: string, fields: ClaimFields): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = fields[name as Placeholder];
    return value === undefined || value.trim() === '' ? UNKNOWN_FIELD : value;
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The replies matching what follows `/` (every word, in the title or the text, ignoring case and
 * accents), those in the console's language first, each group in its order.
 */
export function filterReplies(replies: readonly CannedReply[], query: string, lang: Language): CannedReply[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hits = replies.filter((r) => {
    // The placeholders' names are not what the reply says: they are not searched.
    const hay = fold(`${r.title} ${r.text.replace(/\{[a-z_]+\}/g, ' ')}`);
    return words.every((w) => hay.includes(w));
  });
  return [...hits.filter((r) => r.lang === lang), ...hits.filter((r) => r.lang !== lang)];
}

/** The search in a draft that opens the picker: a `/` at its very start, up to the first line's end. */
export function slashQuery(draft: string): string | null {
  if (!draft.startsWith('/')) return null;
  const line = draft.slice(1);
  return line.includes('\n') ? null : line;
}
