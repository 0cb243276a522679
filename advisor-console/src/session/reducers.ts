import type { AssignedConversation, ChatMessage, InternalNote } from '@infocig/shared';
import { announce, mergeStored } from '@infocig/shared/client';
import { applyAvailability, applyProfile } from './reducers-profile.ts';
import type { ChatEntry, ClosedBy, CloseReason, ConsoleState, Push, ReleaseReason } from './state.ts';

/** Pure state changes for the chats the advisor holds: arrivals, messages, endings, selection. */

export function withChat(s: ConsoleState, id: string, change: (c: ChatEntry) => ChatEntry): ConsoleState {
  return { ...s, chats: s.chats.map((c) => (c.conversation.id === id ? change(c) : c)) };
}

export const chatOf = (s: ConsoleState, id: string) => s.chats.find((c) => c.conversation.id === id);

/** Only a conversation's own messages ever enter its list, whatever a push or a page carried. */
const ownOf = <M extends { conversationId: string }>(id: string, list: M[]): M[] =>
  list.every((m) => m.conversationId === id) ? list : list.filter((m) => m.conversationId === id);

function entryOf({ messages, ...conversation }: AssignedConversation, prev?: ChatEntry): ChatEntry {
  return {
    conversation,
    messages: mergeStored(prev?.messages ?? [], ownOf(conversation.id, messages), 'advisor'),
    unread: prev?.unread ?? 0,
    closedBy: null,
    closeReason: null,
    typingUntil: null,
  };
}

export function applyReady(s: ConsoleState, ready: Push<'session:ready'>): ConsoleState {
  const restored = s.connection.kind === 'reconnecting';
  const held = new Set(ready.conversations.map((c) => c.id));
  const byId = new Map(s.chats.map((c) => [c.conversation.id, c]));
  const fresh = ready.conversations.map((c) => entryOf(c, byId.get(c.id)));
  // Chats we showed that the server no longer gives us ended or moved on while we were away: our
  // part in them is over, so they leave the screen. Those we already saw close stay until dismissed.
  const gone = s.chats.filter((c) => !held.has(c.conversation.id));
  const chats = [...fresh, ...gone.filter((c) => c.closedBy)];
  const selectedId = chats.some((c) => c.conversation.id === s.selectedId)
    ? s.selectedId
    : (chats[0]?.conversation.id ?? null);
  let next: ConsoleState = {
    ...s,
    identity: ready.identity,
    selfId: ready.advisorId ?? null,
    office: ready.office,
    connection: { kind: 'connected' },
    chats,
    selectedId,
  };
  // The first profile is taken as it is; later ones (after a reconnect) are announced if they changed.
  next = s.profile ? applyProfile(next, ready.profile) : { ...next, profile: ready.profile };
  next = s.availability
    ? applyAvailability(next, ready.availability)
    : { ...next, availability: ready.availability };
  for (const c of gone.filter((x) => !x.closedBy)) {
    next = announce(next, {
      kind: 'released',
      visitorName: c.conversation.visitor.displayName,
      reason: 'no_longer_held',
    });
  }
  return restored ? announce(next, { kind: 'connection-restored' }) : next;
}

/** Early messages kept for chats not shown yet: a few per chat is all the gap allows. */
const EARLY_LIMIT = 50;

export function applyAssigned(s: ConsoleState, conversation: AssignedConversation): ConsoleState {
  const prev = chatOf(s, conversation.id);
  const early = s.early.filter((m) => m.conversationId === conversation.id);
  const entry = entryOf({ ...conversation, messages: [...conversation.messages, ...early] }, prev);
  const chats = prev ? s.chats.map((c) => (c === prev ? entry : c)) : [...s.chats, entry];
  const rest = early.length > 0 ? s.early.filter((m) => m.conversationId !== conversation.id) : s.early;
  const next = { ...s, chats, early: rest, selectedId: s.selectedId ?? conversation.id };
  return prev ? next : announce(next, { kind: 'assigned', visitorName: conversation.visitor.displayName });
}

export function applyMessage(s: ConsoleState, m: ChatMessage): ConsoleState {
  const chat = chatOf(s, m.conversationId);
  if (!chat) return { ...s, early: [...s.early, m].slice(-EARLY_LIMIT) };
  const messages = mergeStored(chat.messages, [m], 'advisor');
  if (messages === chat.messages) return s;
  const fromVisitor = m.author === 'visitor';
  const unread = chat.unread + (fromVisitor && s.selectedId !== m.conversationId ? 1 : 0);
  const typingUntil = fromVisitor ? null : chat.typingUntil;
  const next = withChat(s, m.conversationId, (c) => ({ ...c, messages, unread, typingUntil }));
  const visitorName = chat.conversation.visitor.displayName;
  if (m.author === 'system') return announce(next, { kind: 'notice', visitorName, text: m.text });
  return fromVisitor ? announce(next, { kind: 'message', visitorName, text: m.text }) : next;
}

export function applyClosed(
  s: ConsoleState,
  c: { conversationId: string; closedBy: ClosedBy; reason?: CloseReason | undefined },
): ConsoleState {
  const chat = chatOf(s, c.conversationId);
  if (!chat || chat.closedBy) return s;
  const reason = c.reason ?? null;
  const next = withChat(s, c.conversationId, (x) => ({
    ...x,
    closedBy: c.closedBy,
    closeReason: reason,
    typingUntil: null,
  }));
  const visitorName = chat.conversation.visitor.displayName;
  return announce(next, { kind: 'closed', visitorName, closedBy: c.closedBy, reason });
}

/**
 * The server refused a chat with CONVERSATION_FORBIDDEN: our part in it ended (closed, handed on or
 * returned to the queue) without our hearing of it. It leaves the list, as a released chat does.
 */
export function applyNoLongerHeld(s: ConsoleState, conversationId: string): ConsoleState {
  return applyReleased(s, { conversationId, reason: 'no_longer_held' });
}

/** A chat is no longer ours (handed on, or returned to the queue while we were away): it leaves the list. */
export function applyReleased(
  s: ConsoleState,
  r: { conversationId: string; reason: ReleaseReason | 'no_longer_held' },
): ConsoleState {
  const chat = chatOf(s, r.conversationId);
  if (!chat) return s;
  const chats = s.chats.filter((c) => c !== chat);
  const selectedId = s.selectedId === r.conversationId ? (chats[0]?.conversation.id ?? null) : s.selectedId;
  const next =
    selectedId && selectedId !== s.selectedId
      ? select({ ...s, chats }, selectedId)
      : { ...s, chats, selectedId };
  return announce(next, {
    kind: 'released',
    visitorName: chat.conversation.visitor.displayName,
    reason: r.reason,
  });
}

/** A note this advisor added to a chat they hold (`chat:note`'s ack). */
export function applyNote(s: ConsoleState, conversationId: string, note: InternalNote): ConsoleState {
  return withChat(s, conversationId, (c) => ({
    ...c,
    conversation: { ...c.conversation, notes: [...c.conversation.notes, note] },
  }));
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
  return withChat(s, id, (c) => ({ ...c, messages: ownOf(id, change(c.messages)) }));
}
