import type { ChatMessage } from '@infocig/shared';
import { TYPING_SHOWN_MS } from '@infocig/shared/client';
import { describe, expect, it } from 'vitest';
import { applyAssigned, applyRequested } from '../src/widget/session/reducers.ts';
import { applyMessage, applyRead, applyTyping, expireTyping } from '../src/widget/session/reducers-chat.ts';
import { id, kinds, otherId, queued, readyState } from './support/fixtures.ts';

const active = () =>
  applyAssigned(applyRequested(readyState(), queued), { conversationId: id, advisorName: 'Paolo Romano' });

const message = (seq: number, author: ChatMessage['author'], text = `testo ${seq}`): ChatMessage => ({
  conversationId: id,
  seq,
  clientMessageId: `c-${seq}`,
  author,
  authorName: author === 'system' ? 'Info CIG' : 'Paolo Romano',
  text,
  sentAt: '2026-11-22T15:02:00.000Z',
});

describe('widget state: inside the conversation', () => {
  it('shows the advisor typing until they stop, send, or a few seconds pass without a refresh', () => {
    const s = applyTyping(active(), { conversationId: id, author: 'advisor', typing: true }, 1_000);
    expect(s.advisorTypingUntil).toBe(1_000 + TYPING_SHOWN_MS);
    expect(expireTyping(s, 1_000 + TYPING_SHOWN_MS - 1)).toBe(s);
    expect(expireTyping(s, 1_000 + TYPING_SHOWN_MS).advisorTypingUntil).toBeNull();
    expect(
      applyTyping(s, { conversationId: id, author: 'advisor', typing: false }, 2_000).advisorTypingUntil,
    ).toBeNull();
    expect(applyMessage(s, message(1, 'advisor')).advisorTypingUntil).toBeNull();
    // Echoes of one's own typing and other conversations change nothing.
    expect(
      applyTyping(active(), { conversationId: id, author: 'visitor', typing: true }, 0).advisorTypingUntil,
    ).toBeNull();
    expect(
      applyTyping(active(), { conversationId: otherId, author: 'advisor', typing: true }, 0)
        .advisorTypingUntil,
    ).toBeNull();
  });

  it('announces service notices as such, not as the advisor speaking', () => {
    let s = applyMessage(active(), message(1, 'system', 'La chat verrà chiusa tra 2 minuti.'));
    s = applyMessage(s, message(2, 'advisor', 'Ci sono ancora?'));
    s = applyMessage(s, message(3, 'visitor'));
    expect(kinds(s).slice(-2)).toEqual(['notice', 'message']);
    expect(s.announcements.at(-2)?.event).toEqual({
      kind: 'notice',
      text: 'La chat verrà chiusa tra 2 minuti.',
    });
    expect(s.messages.map((m) => m.author)).toEqual(['system', 'advisor', 'visitor']);
  });

  it('moves read marks forward only, for either reader', () => {
    let s = applyRead(active(), { conversationId: id, reader: 'advisor', seq: 4 });
    expect(s.conversation?.readUpTo).toEqual({ visitor: 0, advisor: 4 });
    expect(applyRead(s, { conversationId: id, reader: 'advisor', seq: 3 })).toBe(s);
    expect(applyRead(s, { conversationId: otherId, reader: 'advisor', seq: 9 })).toBe(s);
    s = applyRead(s, { conversationId: id, reader: 'visitor', seq: 5 });
    expect(s.conversation?.readUpTo).toEqual({ visitor: 5, advisor: 4 });
  });
});
