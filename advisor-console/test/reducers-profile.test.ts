import { describe, expect, it } from 'vitest';
import { applyReady } from '../src/session/reducers.ts';
import { applyAvailability, applyColleagues, applyProfile } from '../src/session/reducers-profile.ts';
import { initialConsoleState } from '../src/session/state.ts';
import { events, profile, ready } from './support/fixtures.ts';

describe('console state: profile', () => {
  it('takes the profile from session:ready without announcing it', () => {
    const s = applyReady(initialConsoleState, ready([]));
    expect(s.profile).toEqual(profile);
    expect(s.availability).toBe('available');
    expect(events(s)).toEqual([]);
  });

  it('announces a change of queues or capacity once, whether the push or our own ack comes first', () => {
    let s = applyReady(initialConsoleState, ready([]));
    const changed = { ...profile, queues: ['workers' as const], capacity: 2 };
    s = applyProfile(s, changed);
    expect(events(s)).toEqual([{ kind: 'profile', queues: ['workers'], capacity: 2 }]);
    expect(applyProfile(s, changed).announcements).toHaveLength(1);
    // Another chat taken changes the load, not what is announced.
    expect(applyProfile(s, { ...changed, activeChats: 1 }).announcements).toHaveLength(1);
    expect(applyProfile(s, { ...changed, activeChats: 1 }).profile?.activeChats).toBe(1);
  });

  it('follows availability from a supervisor, and says it only when it changed', () => {
    let s = applyReady(initialConsoleState, ready([]));
    s = applyProfile(s, { ...profile, availability: 'paused' });
    expect(s.availability).toBe('paused');
    expect(events(s)).toEqual([{ kind: 'availability', availability: 'paused' }]);
    expect(applyAvailability(s, 'paused')).toBe(s);
    expect(applyAvailability(s, 'offline')).toBe(s);
  });

  it('keeps the colleagues as last listed', () => {
    const colleague = {
      advisorId: 'x',
      name: 'Giulia',
      availability: 'available' as const,
      activeChats: 1,
      capacity: 3,
      self: false,
    };
    expect(applyColleagues(initialConsoleState, [colleague]).colleagues).toEqual([colleague]);
  });
});
