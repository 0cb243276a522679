import { advanceRead, announce, typingUntil } from '@infocig/shared/client';
import { withChat } from './reducers.ts';
import type { ConsoleState, Push } from './state.ts';

/** Pure state changes for signals: the visitor typing, read marks, a supervisor's announcement. */

export function applyTyping(s: ConsoleState, t: Push<'chat:typing'>, now: number): ConsoleState {
  if (t.author !== 'visitor') return s;
  return withChat(s, t.conversationId, (c) =>
    c.closedBy ? c : { ...c, typingUntil: typingUntil(t.typing, now) },
  );
}

/** Hides "is typing" in every chat whose visitor sent no refresh in time. */
export function expireTyping(s: ConsoleState, now: number): ConsoleState {
  if (!s.chats.some((c) => c.typingUntil !== null && now >= c.typingUntil)) return s;
  return {
    ...s,
    chats: s.chats.map((c) =>
      c.typingUntil !== null && now >= c.typingUntil ? { ...c, typingUntil: null } : c,
    ),
  };
}

/** A read mark moved: the visitor's from a `chat:read` push, or ours from its ack. */
export function applyRead(s: ConsoleState, r: Push<'chat:read'>): ConsoleState {
  return withChat(s, r.conversationId, (c) => {
    const readUpTo = advanceRead(c.conversation.readUpTo, r.reader, r.seq);
    return readUpTo === c.conversation.readUpTo ? c : { ...c, conversation: { ...c.conversation, readUpTo } };
  });
}

export function applyStaffAnnouncement(s: ConsoleState, a: Push<'staff:announcement'>): ConsoleState {
  return announce({ ...s, staffNotice: a }, { kind: 'staff', from: a.from, text: a.text });
}

export function dismissStaffNotice(s: ConsoleState): ConsoleState {
  return { ...s, staffNotice: null };
}
