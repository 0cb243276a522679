import type { KeptConversation, Rating, VisitorConversation, WaitEstimate } from '@infocig/shared';
import { advanceRead, announce } from '@infocig/shared/client';
import { applyCompanies } from './reducers-claims.ts';
import type {
  ClosedBy,
  CloseReason,
  Push,
  VisitorConversationState,
  VisitorState,
  WaitView,
} from './state.ts';

/** Pure state changes for the conversation's lifecycle; each ignores a conversation that is not ours. */

/**
 * The wait to show at `now`: the server's range in whole minutes (the low end rounded down, the
 * high end up, never a single figure), or why there is none. A range whose high end has passed
 * since it arrived is no longer true, and becomes `overdue` rather than a stale number.
 */
export function waitView(
  estimate: WaitEstimate | undefined,
  estimateAt: number | undefined,
  now: number,
): WaitView | null {
  if (!estimate) return null;
  if (estimate.kind === 'none') return { kind: 'none', reason: estimate.reason };
  if (estimateAt !== undefined && now > estimateAt + estimate.highSeconds * 1000)
    return { kind: 'none', reason: 'overdue' };
  const lowMinutes = Math.floor(estimate.lowSeconds / 60);
  return {
    kind: 'range',
    lowMinutes,
    highMinutes: Math.max(lowMinutes + 1, Math.ceil(estimate.highSeconds / 60)),
  };
}

/** When a shown range stops being true (epoch ms), to switch to plain words then; null if never. */
export function estimateExpiry(c: Pick<VisitorConversationState, 'estimate' | 'estimateAt'>): number | null {
  return c.estimate?.kind === 'range' && c.estimateAt !== undefined
    ? c.estimateAt + c.estimate.highSeconds * 1000
    : null;
}

const sameWait = (a: WaitView | null, b: WaitView | null) => JSON.stringify(a) === JSON.stringify(b);

/** A new place or wait is read out only when the place or the words about the wait change. */
function withQueue(
  s: VisitorState,
  c: VisitorConversationState,
  position: number,
  estimate: WaitEstimate | undefined,
  now: number,
): VisitorState {
  const last = c.announcedQueue;
  const wait = waitView(estimate, now, now);
  const worth = !last || last.position !== position || !sameWait(last.wait, wait);
  const conversation = { ...c, position, estimate, estimateAt: now };
  if (!worth) return { ...s, conversation };
  return announce(
    { ...s, conversation: { ...conversation, announcedQueue: { position, wait } } },
    { kind: 'queue', position, wait },
  );
}

/** The server's view of our conversation, keeping what only this page knows about it. */
function merged(
  prev: VisitorConversationState | null,
  next: VisitorConversation,
  now: number,
): VisitorConversationState {
  const fresh = next.estimate ? { estimateAt: now } : {};
  if (prev?.id !== next.id) return { ...next, ...fresh };
  const { closedBy, closeReason, ...local } = prev;
  return {
    ...local,
    ...next,
    ...fresh,
    readUpTo: advanceRead(
      advanceRead(prev.readUpTo, 'visitor', next.readUpTo.visitor),
      'advisor',
      next.readUpTo.advisor,
    ),
    requeued: next.status === 'queued' ? prev.requeued : undefined,
  };
}

export function applyReady(s: VisitorState, ready: Push<'session:ready'>, now = Date.now()): VisitorState {
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
    next = { ...next, conversation: merged(prev, ready.conversation, now), messages: same ? s.messages : [] };
  } else if (
    ready.closedConversation &&
    (!prev || prev.status === 'closed' || prev.id === ready.closedConversation.conversation.id)
  ) {
    // The last closed chat stays on screen, across reloads, until the person dismisses it.
    next = applyKept(next, ready.closedConversation);
  } else if (prev && prev.status !== 'closed') {
    // It was closed while we were away.
    next = applyClosed(next, { conversationId: prev.id, closedBy: 'system' });
  }
  return restored ? announce(next, { kind: 'connection-restored' }) : next;
}

export function applyRequested(
  s: VisitorState,
  conversation: VisitorConversation,
  now = Date.now(),
): VisitorState {
  const same = s.conversation?.id === conversation.id;
  const c = merged(s.conversation, conversation, now);
  const next = { ...s, busy: false, conversation: c, messages: same ? s.messages : [] };
  return c.status === 'queued' && c.position ? withQueue(next, c, c.position, c.estimate, now) : next;
}

/** Each push is a fresh estimate made now, so it restarts the range's clock even when unchanged. */
export function applyPosition(s: VisitorState, p: Push<'queue:position'>, now = Date.now()): VisitorState {
  const c = s.conversation;
  if (c?.id !== p.conversationId || c.status !== 'queued') return s;
  return withQueue(s, c, p.position, p.estimate, now);
}

export function applyRequeued(s: VisitorState, r: Push<'chat:requeued'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== r.conversationId || c.status === 'closed') return s;
  const { advisorName, position, estimatedWaitSeconds, estimate, estimateAt, announcedQueue, ...rest } = c;
  const conversation = { ...rest, status: 'queued' as const, requeued: r.reason };
  return announce({ ...s, conversation, advisorTypingUntil: null }, { kind: 'requeued', reason: r.reason });
}

export function applyAssigned(s: VisitorState, a: Push<'chat:assigned'>): VisitorState {
  const c = s.conversation;
  if (c?.id !== a.conversationId || c.status === 'closed') return s;
  if (c.status === 'active' && c.advisorName === a.advisorName) return s;
  const { position, estimatedWaitSeconds, estimate, estimateAt, announcedQueue, requeued, ...rest } = c;
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
  const { position, estimatedWaitSeconds, estimate, estimateAt, announcedQueue, requeued, ...rest } = conv;
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

/** The closed chat the server handed over at connect: shown as closed, with its rating if given. */
export function applyKept(s: VisitorState, kept: KeptConversation): VisitorState {
  const prev = s.conversation;
  const same = prev?.id === kept.conversation.id;
  const conversation: VisitorConversationState = {
    ...(same ? prev : {}),
    ...kept.conversation,
    status: 'closed',
    closedBy: same && prev?.closedBy ? prev.closedBy : kept.closedBy,
    ...(kept.rating ? { rating: kept.rating } : {}),
    ratableUntil: kept.ratableUntil,
  };
  return { ...s, conversation, messages: same ? s.messages : [], advisorTypingUntil: null };
}

/** The person rated their closed chat. */
export function applyRated(s: VisitorState, conversationId: string, rating: Rating): VisitorState {
  const c = s.conversation;
  if (c?.id !== conversationId) return s;
  return { ...s, busy: false, commandError: null, conversation: { ...c, rating, ratableUntil: null } };
}

/** Whether the closed chat may still be rated, as far as this page knows. */
export function isRatable(c: VisitorConversationState, now = Date.now()): boolean {
  if (c.status !== 'closed' || c.rating) return false;
  if (c.ratableUntil === undefined) return true;
  return c.ratableUntil !== null && Date.parse(c.ratableUntil) > now;
}
