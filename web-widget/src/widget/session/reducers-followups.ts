import type { FollowUp } from '@infocig/shared';
import { announce } from '@infocig/shared/client';
import type { VisitorState } from './state.ts';

/** Pure state changes for service hours and follow-ups (messages left for an advisor). */

/** `chat:request` answered SERVICE_CLOSED: stop offering the chat, offer the follow-up instead. */
export function applyServiceClosed(s: VisitorState, topic = ''): VisitorState {
  const service = { hours: s.service?.hours ?? '', opensAt: s.service?.opensAt ?? null, open: false };
  return announce(
    { ...s, busy: false, commandError: null, service, refusedTopic: topic },
    { kind: 'service-closed' },
  );
}

/** The next opening announced by the server has come: offer the chat again (a request still checks). */
export function applyServiceOpened(s: VisitorState, now: number): VisitorState {
  const opensAt = s.service?.opensAt;
  if (!s.service || s.service.open || !opensAt || Date.parse(opensAt) > now) return s;
  return { ...s, service: { ...s.service, open: true, opensAt: null } };
}

export function applyFollowUps(s: VisitorState, followUps: FollowUp[]): VisitorState {
  return { ...s, followUps };
}

const upsert = (list: readonly FollowUp[], f: FollowUp) => [f, ...list.filter((x) => x.id !== f.id)];

/** A follow-up was left; left instead of waiting, the queued conversation is over. */
export function applyFollowUpCreated(s: VisitorState, f: FollowUp, conversationId?: string): VisitorState {
  const left = conversationId !== undefined && s.conversation?.id === conversationId;
  const next: VisitorState = {
    ...s,
    busy: false,
    commandError: null,
    followUps: upsert(s.followUps, f),
    refusedTopic: '',
    ...(left ? { conversation: null, messages: [], advisorTypingUntil: null } : {}),
  };
  return announce(next, { kind: 'followup-sent' });
}

export function applyFollowUpAnswered(s: VisitorState, f: FollowUp): VisitorState {
  const known = s.followUps.find((x) => x.id === f.id);
  if (known?.status === 'answered') return s;
  // The list stays newest first: an answered one keeps its place.
  const followUps = known ? s.followUps.map((x) => (x.id === f.id ? f : x)) : upsert(s.followUps, f);
  return announce({ ...s, followUps }, { kind: 'followup-answered', topic: f.topic });
}

/**
 * A referral opened for the person (the chat says so too) or taken by the office: listed, in place.
 * An answer that came first is not undone by a late update.
 */
export function applyFollowUpUpdated(s: VisitorState, f: FollowUp): VisitorState {
  const known = s.followUps.find((x) => x.id === f.id);
  if (known?.status === 'answered') return s;
  if (!known) return { ...s, followUps: upsert(s.followUps, f) };
  const followUps = s.followUps.map((x) => (x.id === f.id ? f : x));
  return announce({ ...s, followUps }, { kind: 'followup-updated', office: f.office ?? '' });
}
