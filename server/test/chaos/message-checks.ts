import type { ChatMessage } from '@infocig/shared';
import type { AdvisorActor } from './advisor-actor.ts';
import type { Ledger } from './ledger.ts';
import type { MessageView } from './message-view.ts';
import type { StoredConversation } from './server-record.ts';
import type { VisitorActor } from './visitor-actor.ts';

const same = (a: ChatMessage, b: ChatMessage) =>
  a.conversationId === b.conversationId &&
  a.seq === b.seq &&
  a.clientMessageId === b.clientMessageId &&
  a.author === b.author &&
  a.text === b.text;

/**
 * Zero lost, zero duplicated: each stream numbers its messages 1..n; every clientMessageId any
 * sender got an ack for is stored exactly once, at the seq it was acked with.
 */
export function checkStoredMessages(conversations: StoredConversation[], ledger: Ledger): string[] {
  const problems: string[] = [];
  const stored = new Map<string, { conversationId: string; seq: number }>();
  for (const c of conversations) {
    c.messages.forEach((m, i) => {
      if (m.seq !== i + 1) problems.push(`${c.id}: message ${i + 1} has seq ${m.seq}`);
      if (stored.has(m.clientMessageId)) problems.push(`${c.id}: ${m.clientMessageId} stored twice`);
      stored.set(m.clientMessageId, { conversationId: c.id, seq: m.seq });
    });
    if (c.lastSeq !== c.messages.length)
      problems.push(`${c.id}: lastSeq ${c.lastSeq}, ${c.messages.length} stored`);
  }
  for (const [clientMessageId, acked] of ledger.acked) {
    const found = stored.get(clientMessageId);
    if (!found) problems.push(`${clientMessageId} was acked (seq ${acked.seq}) but is not stored`);
    else if (found.seq !== acked.seq || found.conversationId !== acked.conversationId) {
      problems.push(`${clientMessageId} acked as seq ${acked.seq}, stored as seq ${found.seq}`);
    }
  }
  return problems;
}

/**
 * How much of a conversation a client must hold at the end: a visitor all of it (it resumes to
 * the end); the advisor who held it last everything from seq 1 without a gap; an earlier holder
 * only what it was there for — but whatever anyone holds must be exactly what the store holds.
 */
export type ViewExtent = 'whole' | 'gapFree' | 'whileHeld';

export function checkView(
  who: string,
  view: MessageView,
  stored: StoredConversation | undefined,
  extent: ViewExtent,
): string[] {
  if (!stored) return [`${who}: its conversation is not in Redis`];
  const problems = view.conflicts.map((c) => `${who}: ${c}`);
  if (extent !== 'whileHeld' && view.hasGap) {
    problems.push(`${who}: gap after seq ${view.contiguousUpTo} in ${stored.id}`);
  }
  if (extent === 'whole' && view.bySeq.size !== stored.messages.length) {
    problems.push(`${who}: holds ${view.bySeq.size} of ${stored.messages.length} messages of ${stored.id}`);
  }
  for (const message of view.list()) {
    const original = stored.messages[message.seq - 1];
    if (!original || !same(message, original)) {
      problems.push(`${who}: seq ${message.seq} of ${stored.id} differs`);
    }
  }
  return problems;
}

/** Every visitor's view whole; every advisor's view of each chat it held, as far as it was there. */
export function checkClientViews(
  stored: StoredConversation[],
  visitors: VisitorActor[],
  advisors: AdvisorActor[],
): string[] {
  const byId = new Map(stored.map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const v of visitors) {
    if (v.conversationId)
      problems.push(...checkView(`visitor ${v.index}`, v.view, byId.get(v.conversationId), 'whole'));
  }
  for (const a of advisors) {
    for (const [id, view] of a.views) {
      const extent = byId.get(id)?.advisorId === a.advisorId ? 'gapFree' : 'whileHeld';
      problems.push(...checkView(`advisor ${a.advisorId}`, view, byId.get(id), extent));
    }
  }
  return problems;
}

/**
 * One advisor at a time, seen from the transcript: every advisor message was written while its
 * author held the chat, per the assignments advisors were told of (server clock, `assignedAt`).
 */
export function checkAuthorship(
  conversations: StoredConversation[],
  ledger: Ledger,
  advisorIdByName: Map<string, string>,
): string[] {
  const problems: string[] = [];
  const byConversation = new Map<string, { advisorId: string; assignedAt: number }[]>();
  for (const a of ledger.assignments) {
    const list = byConversation.get(a.conversationId) ?? [];
    list.push(a);
    byConversation.set(a.conversationId, list);
  }
  for (const c of conversations) {
    const assignments = (byConversation.get(c.id) ?? []).sort((a, b) => a.assignedAt - b.assignedAt);
    for (const m of c.messages) {
      if (m.author !== 'advisor') continue;
      const sentAt = Date.parse(m.sentAt);
      const holder = assignments.filter((a) => a.assignedAt <= sentAt).at(-1);
      const author = advisorIdByName.get(m.authorName);
      if (holder?.advisorId !== author) {
        problems.push(
          `${c.id} seq ${m.seq} written by ${author} while held by ${holder?.advisorId ?? 'nobody'}`,
        );
      }
    }
  }
  return problems;
}
