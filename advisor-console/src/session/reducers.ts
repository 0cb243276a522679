import type { AssignedConversation, ChatMessage } from '@infocig/shared';
import { announce, mergeStored } from '@infocig/shared/client';
import type { ChatEntry, ClosedBy, ConsoleState, Push } from './state.ts';

/** Pure state changes for the server's pushes and the advisor's own choices. */

function withChat(s: ConsoleState, id: string, change: (c: ChatEntry) => ChatEntry): ConsoleState {
  return { ...s, chats: s.chats.map((c) => (c.conversation.id === id ? change(c) : c)) };
}

function entryOf({ messages, ...conversation }: AssignedConversation, prev?: ChatEntry): ChatEntry {
  return {
    conversation,
    messages: mergeStored(prev?.messages ?? [], messages, 'advisor'),
    unread: prev?.unread ?? 0,
    closedBy: null,
  };
}

export function applyReady(s: ConsoleState, ready: Push<'session:ready'>): ConsoleState {
  const restored = s.connection.kind === 'reconnecting';
  const held = new Set(ready.conversations.map((c) => c.id));
  const byId = new Map(s.chats.map((c) => [c.conversation.id, c]));
  const fresh = ready.conversations.map((c) => entryOf(c, byId.get(c.id)));
  // Chats we showed that the server no longer gives us ended while we were away.
  const gone = s.chats
    .filter((c) => !held.has(c.conversation.id))
    .map((c) => (c.closedBy ? c : { ...c, closedBy: 'system' as const }));
  const chats = [...fresh, ...gone];
  const selectedId = chats.some((c) => c.conversation.id === s.selectedId)
    ? s.selectedId
    : (chats[0]?.conversation.id ?? null);
  const next: ConsoleState = {
    ...s,
    identity: ready.identity,
    availability: ready.availability,
    connection: { kind: 'connected' },
    chats,
    selectedId,
  };
  return restored ? announce(next, { kind: 'connection-restored' }) : next;
}

export function applyAssigned(s: ConsoleState, conversation: AssignedConversation): ConsoleState {
  const prev = s.chats.find((c) => c.conversation.id === conversation.id);
  const entry = entryOf(conversation, prev);
  const chats = prev ? s.chats.map((c) => (c === prev ? entry : c)) : [...s.chats, entry];
  const next = { ...s, chats, selectedId: s.selectedId ?? conversation.id };
  return prev ? next : announce(next, { kind: 'assigned', visitorName: conversation.visitor.displayName });
}

export function applyMessage(s: ConsoleState, m: ChatMessage): ConsoleState {
  const chat = s.chats.find((c) => c.conversation.id === m.conversationId);
  if (!chat) return s;
  const messages = mergeStored(chat.messages, [m], 'advisor');
  if (messages === chat.messages) return s;
  const fromVisitor = m.author === 'visitor';
  const unread = chat.unread + (fromVisitor && s.selectedId !== m.conversationId ? 1 : 0);
  const next = withChat(s, m.conversationId, (c) => ({ ...c, messages, unread }));
  return fromVisitor
    ? announce(next, { kind: 'message', visitorName: chat.conversation.visitor.displayName, text: m.text })
    : next;
}

export function applyClosed(
  s: ConsoleState,
  c: { conversationId: string; closedBy: ClosedBy },
): ConsoleState {
  const chat = s.chats.find((x) => x.conversation.id === c.conversationId);
  if (!chat || chat.closedBy) return s;
  const next = withChat(s, c.conversationId, (x) => ({ ...x, closedBy: c.closedBy }));
  return announce(next, {
    kind: 'closed',
    visitorName: chat.conversation.visitor.displayName,
    closedBy: c.closedBy,
  });
}

export function applyQueueStats(s: ConsoleState, q: Push<'queue:stats'>): ConsoleState {
  return { ...s, queueStats: { ...s.queueStats, [q.queue]: q.waiting } };
}

export function select(s: ConsoleState, id: string): ConsoleState {
  return withChat({ ...s, selectedId: id }, id, (c) => ({ ...c, unread: 0 }));
}

/** Removes a closed chat from the list; selects the next one. */
export function dismiss(s: ConsoleState, id: string): ConsoleState {
  const chats = s.chats.filter((c) => c.conversation.id !== id || !c.closedBy);
  const selectedId = s.selectedId === id ? (chats[0]?.conversation.id ?? null) : s.selectedId;
  return selectedId ? select({ ...s, chats }, selectedId) : { ...s, chats, selectedId };
}

export function updateMessages(
  s: ConsoleState,
  id: string,
  change: (messages: ChatEntry['messages']) => ChatEntry['messages'],
): ConsoleState {
  return withChat(s, id, (c) => ({ ...c, messages: change(c.messages) }));
}
