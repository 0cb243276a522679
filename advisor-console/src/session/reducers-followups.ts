import type { AdvisorFollowUp } from '@infocig/shared';
import { announce, type UiError } from '@infocig/shared/client';
import type { ConsoleState } from './state.ts';

/** Pure state changes for the follow-ups of the queues served (messages to answer later). */

export function applyFollowUps(s: ConsoleState, list: AdvisorFollowUp[]): ConsoleState {
  return { ...s, followUps: { list, error: null } };
}

export function applyFollowUpError(s: ConsoleState, error: UiError): ConsoleState {
  return { ...s, followUps: { list: s.followUps?.list ?? [], error } };
}

/** Answered (by us): it leaves the list of open ones. */
export function applyFollowUpAnswered(s: ConsoleState, f: AdvisorFollowUp): ConsoleState {
  const list = s.followUps?.list ?? [];
  if (!list.some((x) => x.id === f.id)) return s;
  const next = { ...s, followUps: { list: list.filter((x) => x.id !== f.id), error: null } };
  return announce(next, { kind: 'followup-answered', visitorName: f.visitor.displayName });
}
