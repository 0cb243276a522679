import type { KeptConversation } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import { applyRated, applyReady, isRatable } from '../src/widget/session/reducers.ts';
import { id, otherId, queued, ready, readyState } from './support/fixtures.ts';

const NOW = Date.parse('2026-11-22T16:00:00.000Z');

function kept(over: Partial<KeptConversation> = {}): KeptConversation {
  return {
    conversation: { ...queued, status: 'closed', position: undefined, lastSeq: 2 },
    closedAt: '2026-11-22T15:30:00.000Z',
    closedBy: 'advisor',
    rating: null,
    ratableUntil: '2026-11-29T15:30:00.000Z',
    ...over,
  };
}

describe('widget state: the closed chat the person keeps', () => {
  it('shows the closed chat handed over at connect, ratable until the server says', () => {
    const s = readyState({ closedConversation: kept() });
    expect(s.conversation).toMatchObject({ id, status: 'closed', closedBy: 'advisor' });
    expect(s.messages).toEqual([]);
    expect(s.announcements).toEqual([]);
    expect(isRatable(s.conversation!, NOW)).toBe(true);
    expect(isRatable(s.conversation!, Date.parse('2026-11-30T00:00:00.000Z'))).toBe(false);
  });

  it('shows its rating once given, and no more form', () => {
    const rating = { stars: 4, ratedAt: '2026-11-22T15:40:00.000Z' };
    const s = readyState({ closedConversation: kept({ rating, ratableUntil: null }) });
    expect(s.conversation?.rating).toEqual(rating);
    expect(isRatable(s.conversation!, NOW)).toBe(false);
    const rated = applyRated(readyState({ closedConversation: kept() }), id, rating);
    expect(rated.conversation?.rating).toEqual(rating);
    expect(isRatable(rated.conversation!, NOW)).toBe(false);
    expect(applyRated(rated, otherId, { ...rating, stars: 1 })).toBe(rated);
  });

  it('prefers an open conversation, and leaves the screen empty once none is handed over', () => {
    const open = readyState({ conversation: { ...queued, id: otherId }, closedConversation: kept() });
    expect(open.conversation).toMatchObject({ id: otherId, status: 'queued' });
    expect(readyState({ closedConversation: null }).conversation).toBeNull();
    // A chat that closed live stays as it is when the server hands it over after a reconnect.
    const live = readyState({ closedConversation: kept({ closedBy: 'system' }) });
    const again = applyReady(live, ready({ closedConversation: kept({ closedBy: 'advisor' }) }));
    expect(again.conversation?.closedBy).toBe('system');
  });
});
