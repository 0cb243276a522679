import type { Referral } from '@infocig/shared';
import { announce, type UiError } from '@infocig/shared/client';
import type { ConsoleState } from './state.ts';

/** Pure state changes for referrals: those opened from our chats, and our office's to answer. */

export function applyReferrals(s: ConsoleState, list: Referral[]): ConsoleState {
  return { ...s, referrals: { list, error: null } };
}

export function applyReferralError(s: ConsoleState, error: UiError): ConsoleState {
  return { ...s, referrals: { list: s.referrals?.list ?? [], error } };
}

/** Opened from a chat: remembered with the chat, so the advisor sees it went and where. */
export function applyReferralOpened(s: ConsoleState, conversationId: string, r: Referral): ConsoleState {
  const referredTo = { ...s.referredTo, [conversationId]: r.office ?? r.officeCode };
  return announce({ ...s, referredTo }, { kind: 'referral-opened', office: r.office ?? r.officeCode });
}

/** Taken stays in the list (by us now); answered leaves it. */
export function applyReferralChanged(s: ConsoleState, r: Referral): ConsoleState {
  const list = s.referrals?.list ?? [];
  if (r.status !== 'answered') {
    return { ...s, referrals: { list: list.map((x) => (x.id === r.id ? r : x)), error: null } };
  }
  const next = { ...s, referrals: { list: list.filter((x) => x.id !== r.id), error: null } };
  return announce(next, { kind: 'referral-answered', visitorName: r.visitor.displayName });
}
