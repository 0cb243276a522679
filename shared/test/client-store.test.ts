import { describe, expect, it } from 'vitest';
import { announce } from '../src/client/announcements.ts';
import { initialSessionState, type SessionState } from '../src/client/session-state.ts';
import { createStore } from '../src/client/store.ts';

type Said = { kind: 'said'; text: string };

describe('the external store', () => {
  it('tells its listeners about a new state, not about an update that changed nothing', () => {
    const store = createStore({ count: 0 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => {
      calls += 1;
    });
    store.setState((s) => ({ count: s.count + 1 }));
    store.setState((s) => s);
    expect(store.getState()).toEqual({ count: 1 });
    expect(calls).toBe(1);
    unsubscribe();
    store.setState((s) => ({ count: s.count + 1 }));
    expect(calls).toBe(1);
  });
});

describe('announcements', () => {
  it('keeps the last five, each with a new id even when the words repeat', () => {
    let state: SessionState<Said> = initialSessionState;
    for (const text of ['a', 'b', 'c', 'd', 'e', 'f', 'f']) state = announce(state, { kind: 'said', text });
    expect(state.announcements.map((a) => (a.event.kind === 'said' ? a.event.text : a.event.kind))).toEqual([
      'c',
      'd',
      'e',
      'f',
      'f',
    ]);
    const ids = state.announcements.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(initialSessionState.announcements).toEqual([]);
  });
});
