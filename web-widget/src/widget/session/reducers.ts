import type { VisitorConversation } from '@infocig/shared';
import { advanceRead, announce } from '@infocig/shared/client';
import { applyCompanies } from './reducers-claims.ts';
import type { ClosedBy, CloseReason, Push, VisitorConversationState, VisitorState } from './state.ts';

/** Pure state changes for the conversation's lifecycle; each ignores a conversation that is not ours. */

/** An estimate in whole minutes for people ("circa 3 minuti"), never below one; `null` when there is none. */
export function waitMinutes(seconds: number | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : Math.max(1, Math.round(seconds / 60));
}

/** A new place or estimate is read out only when the place changes or the estimate moves by a minute or more. */
function withQueue(
  s: VisitorState,
  c: VisitorConversationState,
  position: number,
  estimatedWaitSeconds: number | null,
): VisitorState {
  const last = c.announcedQueue;
  const estimate = estimatedWaitSeconds;
  const worth =
    !last ||
    last.position !== position ||
    (last.waitSeconds === null) !== (estimate === null) ||
    (estimate !== null && last.waitSeconds !== null && Math.abs(estimate - last.waitSeconds) >= 60);
  const conversation = { ...c, position, estimatedWaitSeconds: estimate };
  if (!worth) return { ...s, conversation };
  return announce(
    { ...s, conversation: { ...conversation, announcedQueue: { position, waitSeconds: estimate } } },
    { kind: 'queue', position, waitMinutes: waitMinutes(estimate) },
  );
}

/** The server's view of our conversation, keeping what only this page knows about it. */
function merged(prev: VisitorConversationState | null, next: VisitorConversation): VisitorConversationState {
  if (prev?.id !== next.id) return next;
  const { closedBy, closeReason, ...local } = prev;
  return {
    ...local,
    ...next,
    readUpTo: advanceRead(
      advanceRead(prev.readUpTo, 'visitor', next.readUpTo.visitor),
      'advisor',
      next.readUpTo.advisor,
    ),
    requeued: next.status === 'queued' ? prev.requeued : undefined,
  };
}

export function applyReady(s: VisitorState, ready: Push<'session:ready'>): VisitorState {
  const prev = s.conversation;
  const restored = s.connection.kind === 'reconnecting';
  let next: VisitorState = {
    ...s,
    identity: ready.identity,
    connection: { kind: 'connected' },
    admission: ready.admission,
    service: ready.service,
    followUps: ready.followUps,
  };
  next = applyCompanies(next, ready.companies);
  if (ready.conversation) {
    const same = prev?.id === ready.conversation.id;
    next = { ...next, conversation: merged(prev, ready.conversation), messages: same ? s.messages : [] };
  } else if (prev && prev.status !== 'closed') {
    // It was closed while we were away.
    next = applyClosed(next, { conversationId: prev.id, closedBy: 'system' });
  }
  return restored ? announce(next, { kind: 'connection-restored' }) : next;
}

export function applyRequested(s: VisitorState, conversation: VisitorConversation): VisitorState {
  const same = s.conversation?.id === conversation.id;
  const c = merged(s.conversation, conversation);
  const next = { ...s, busy: false, conversation: c, messages: same ? s.messages : [] };
  return c.status === 'queued' && c.position
    ? withQueue(next, c, c.position, c.estimatedWaitSeconds ?? null)
    : next;
}

export function applyPosition(s: VisitorState, p: Push<'queue:position'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== p.conversationId || c.status !== 'queued') return s;
  if (c.position === p.position && c.estimatedWaitSeconds === p.estimatedWaitSeconds) return s;
  return withQueue(s, c, p.position, p.estimatedWaitSeconds);
}

export function applyRequeued(s: VisitorState, r: Push<'chat:requeued'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== r.conversationId || c.status === 'closed') return s;
  const { advisorName, position, estimatedWaitSeconds, announcedQueue, ...rest } = c;
  const conversation = { ...rest, status: 'queued' as const, requeued: r.reason };
  return announce({ ...s, conversation, advisorTypingUntil: null }, { kind: 'requeued', reason: r.reason });
}

export function applyAssigned(s: VisitorState, a: Push<'chat:assigned'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== a.conversationId || c.status === 'closed') return s;
  if (c.status === 'active' && c.advisorName === a.advisorName) return s;
  const { position, estimatedWaitSeconds, announcedQueue, requeued, ...rest } = c;
  const conversation = { ...rest, status: 'active' as const, advisorName: a.advisorName };
  return announce(
    { ...s, conversation, advisorTypingUntil: null },
    { kind: 'assigned', advisorName: a.advisorName },
  );
}

export function applyOffered(s: VisitorState, o: Push<'queue:followup-offered'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== o.conversationId || c.status !== 'queued' || c.followUpOffered) return s;
  return announce({ ...s, conversation: { ...c, followUpOffered: true } }, { kind: 'followup-offered' });
}

export function applyClosed(
  s: VisitorState,
  c: { conversationId: string; closedBy: ClosedBy; reason?: CloseReason | undefined },
): VisitorState {
  const conv = s.conversation;
  if (conv?.id !== c.conversationId || conv.status === 'closed') return s;
  const { position, estimatedWaitSeconds, announcedQueue, requeued, ...rest } = conv;
  const conversation: VisitorConversationState = {
    ...rest,
    status: 'closed',
    closedBy: c.closedBy,
    ...(c.reason ? { closeReason: c.reason } : {}),
  };
  return announce(
    { ...s, conversation, advisorTypingUntil: null },
    { kind: 'closed', closedBy: c.closedBy, reason: c.reason ?? null },
  );
}
