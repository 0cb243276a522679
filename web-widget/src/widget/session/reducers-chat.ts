import type { ChatMessage } from '@infocig/shared';
import { advanceRead, announce, mergeStored, typingUntil } from '@infocig/shared/client';
import type { Push, VisitorState } from './state.ts';

/** Pure state changes for what happens inside the conversation: messages, typing, read marks. */

export function applyMessage(s: VisitorState, m: ChatMessage): VisitorState {
  if (s.conversation?.id !== m.conversationId) return s;
  const messages = mergeStored(s.messages, [m], 'visitor');
  if (messages === s.messages) return s;
  const next = { ...s, messages };
  switch (m.author) {
    case 'visitor':
      return next;
    case 'system':
      return announce(next, { kind: 'notice', text: m.text });
    case 'advisor':
      // A message ends the typing that led to it.
      return announce(
        { ...next, advisorTypingUntil: null },
        { kind: 'message', authorName: m.authorName, text: m.text },
      );
  }
}

/** The advisor is typing (shown until `now` + a few seconds, unless refreshed) or stopped. */
export function applyTyping(s: VisitorState, t: Push<'chat:typing'>, now: number): VisitorState {
  const c = s.conversation;
  if (c?.id !== t.conversationId || c.status !== 'active' || t.author !== 'advisor') return s;
  return { ...s, advisorTypingUntil: typingUntil(t.typing, now) };
}

/** Hides "is typing" once no refresh came in time. */
export function expireTyping(s: VisitorState, now: number): VisitorState {
  return s.advisorTypingUntil !== null && now >= s.advisorTypingUntil
    ? { ...s, advisorTypingUntil: null }
    : s;
}

/** A read mark moved: the advisor's from a `chat:read` push, or our own from its ack. */
export function applyRead(s: VisitorState, r: Push<'chat:read'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== r.conversationId) return s;
  const readUpTo = advanceRead(c.readUpTo, r.reader, r.seq);
  return readUpTo === c.readUpTo ? s : { ...s, conversation: { ...c, readUpTo } };
}
