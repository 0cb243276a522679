import { TYPING_SHOWN_MS } from '@infocig/shared/client';
import { describe, expect, it } from 'vitest';
import { applyClosed, applyMessage, applyReady } from '../src/session/reducers.ts';
import { applyRead, applyTyping, expireTyping } from '../src/session/reducers-signals.ts';
import { initialConsoleState } from '../src/session/state.ts';
import { conversation, ids, message, ready } from './support/fixtures.ts';

const twoChats = () =>
  applyReady(initialConsoleState, ready([conversation(ids[0], 'Mario Rossi'), conversation(ids[1], 'Anna')]));

describe('console state: typing and read marks', () => {
  it('shows the person typing in their chat until they stop, write, or go quiet', () => {
    const s = applyTyping(twoChats(), { conversationId: ids[1], author: 'visitor', typing: true }, 1_000);
    expect(s.chats.map((c) => c.typingUntil)).toEqual([null, 1_000 + TYPING_SHOWN_MS]);
    expect(expireTyping(s, 1_000)).toBe(s);
    expect(expireTyping(s, 1_000 + TYPING_SHOWN_MS).chats[1]?.typingUntil).toBeNull();
    expect(applyMessage(s, message(ids[1], 1, 'visitor')).chats[1]?.typingUntil).toBeNull();
    expect(applyClosed(s, { conversationId: ids[1], closedBy: 'visitor' }).chats[1]?.typingUntil).toBeNull();
    expect(
      applyTyping(twoChats(), { conversationId: ids[0], author: 'advisor', typing: true }, 0).chats[0]
        ?.typingUntil,
    ).toBeNull();
  });

  it("moves the person's and our own read marks forward only", () => {
    let s = applyRead(twoChats(), { conversationId: ids[0], reader: 'visitor', seq: 3 });
    s = applyRead(s, { conversationId: ids[0], reader: 'advisor', seq: 2 });
    expect(s.chats[0]?.conversation.readUpTo).toEqual({ visitor: 3, advisor: 2 });
    expect(applyRead(s, { conversationId: ids[0], reader: 'visitor', seq: 1 })).toEqual(s);
  });
});
