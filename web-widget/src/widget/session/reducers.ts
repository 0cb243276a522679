import type { ChatMessage, VisitorConversation, VisitorServerEvents } from '@infocig/shared';
import { announce, mergeStored } from '@infocig/shared/client';
import type { VisitorState } from './state.ts';

/** Pure state changes for the server's pushes; each ignores a conversation that is not ours. */

type Push<K extends keyof VisitorServerEvents> = Parameters<VisitorServerEvents[K]>[0];
type ClosedBy = Push<'chat:closed'>['closedBy'];

export function applyReady(s: VisitorState, ready: Push<'session:ready'>): VisitorState {
  const prev = s.conversation;
  const restored = s.connection.kind === 'reconnecting';
  let next: VisitorState = { ...s, identity: ready.identity, connection: { kind: 'connected' } };
  if (ready.conversation) {
    const same = prev?.id === ready.conversation.id;
    next = { ...next, conversation: ready.conversation, messages: same ? s.messages : [] };
  } else if (prev && prev.status !== 'closed') {
    // It was closed while we were away.
    next = applyClosed(next, { conversationId: prev.id, closedBy: 'system' });
  }
  return restored ? announce(next, { kind: 'connection-restored' }) : next;
}

export function applyRequested(s: VisitorState, conversation: VisitorConversation): VisitorState {
  const same = s.conversation?.id === conversation.id;
  const next = { ...s, busy: false, conversation, messages: same ? s.messages : [] };
  return conversation.position ? announce(next, { kind: 'queue', position: conversation.position }) : next;
}

export function applyPosition(s: VisitorState, p: Push<'queue:position'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== p.conversationId || c.status !== 'queued' || c.position === p.position) return s;
  return announce(
    { ...s, conversation: { ...c, position: p.position } },
    { kind: 'queue', position: p.position },
  );
}

export function applyAssigned(s: VisitorState, a: Push<'chat:assigned'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== a.conversationId || c.status === 'closed') return s;
  const conversation = { ...c, status: 'active' as const, position: undefined, advisorName: a.advisorName };
  return announce({ ...s, conversation }, { kind: 'assigned', advisorName: a.advisorName });
}

export function applyMessage(s: VisitorState, m: ChatMessage): VisitorState {
  if (s.conversation?.id !== m.conversationId) return s;
  const messages = mergeStored(s.messages, [m], 'visitor');
  if (messages === s.messages) return s;
  const next = { ...s, messages };
  return m.author === 'visitor'
    ? next
    : announce(next, { kind: 'message', authorName: m.authorName, text: m.text });
}

export function applyClosed(
  s: VisitorState,
  c: { conversationId: string; closedBy: ClosedBy },
): VisitorState {
  const conv = s.conversation;
  if (conv?.id !== c.conversationId || conv.status === 'closed') return s;
  const conversation = { ...conv, status: 'closed' as const, position: undefined, closedBy: c.closedBy };
  return announce({ ...s, conversation }, { kind: 'closed', closedBy: c.closedBy });
}
