import type { AdvisorProfile } from '@infocig/shared';
import { announce } from '@infocig/shared/client';
import type { Colleague, ConsoleState } from './state.ts';

/** Pure state changes for the advisor's own profile and their colleagues. */

/** Availability from a command's ack or a push; read out only when it actually changed. */
export function applyAvailability(
  s: ConsoleState,
  availability: AdvisorProfile['availability'],
): ConsoleState {
  if (availability === 'offline' || availability === s.availability) return s;
  return announce({ ...s, availability }, { kind: 'availability', availability });
}

const sameQueues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((q) => b.includes(q));

/**
 * A profile from `advisor:profile` (another tab, a supervisor) or our own `advisor:settings` ack:
 * whichever arrives first is announced, the other changes nothing.
 */
export function applyProfile(s: ConsoleState, profile: AdvisorProfile): ConsoleState {
  const prev = s.profile;
  const changed = !prev || prev.capacity !== profile.capacity || !sameQueues(prev.queues, profile.queues);
  let next: ConsoleState = { ...s, profile, settingsError: changed ? null : s.settingsError };
  if (changed) next = announce(next, { kind: 'profile', queues: profile.queues, capacity: profile.capacity });
  return applyAvailability(next, profile.availability);
}

export function applyColleagues(s: ConsoleState, colleagues: Colleague[]): ConsoleState {
  return { ...s, colleagues };
}
