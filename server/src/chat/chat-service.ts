import {
  AUDIENCES,
  type Audience,
  audienceOf,
  LIMITS,
  type VisitorConversation,
  type VisitorRole,
} from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessAudit } from '../audit/access-audit.ts';
import type { Identity } from '../auth/identity.ts';
import { claimsVisibleTo } from '../claims/claims-reader.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { AdvisorPool } from '../routing/advisor-pool.ts';
import type { ClaimsStore } from '../store/index.ts';
import type { ConversationRecord, Participant, VisitorSnapshot } from './conversation-record.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import { visitorKeyOf } from './visitor-key.ts';
import { advisorView, visitorView } from './visitor-views.ts';

/** How many waiting visitors get a pushed position after each queue change. */
const POSITION_PUSH_LIMIT = 500;

export interface ChatServiceDeps {
  conversations: ConversationRepository;
  pool: AdvisorPool;
  claims: ClaimsStore;
  audit: AccessAudit;
  notifier: Notifier;
  log: FastifyBaseLogger;
}

export function snapshotOf(identity: Identity): VisitorSnapshot {
  return {
    role: identity.role,
    displayName: identity.name,
    codiceFiscale: identity.sub,
    ...(identity.province ? { province: identity.province } : {}),
    ...(identity.company ? { companyCf: identity.company.cf, companyName: identity.company.name } : {}),
  };
}

/** The conversation lifecycle: open and queue, hand to advisors, carry messages, close. */
export function createChatService(deps: ChatServiceDeps) {
  const { conversations, pool, notifier, log } = deps;

  async function visitorConversation(record: ConversationRecord): Promise<VisitorConversation> {
    const position =
      record.status === 'queued' ? await conversations.position(record.queue, record.id) : null;
    const advisorName = record.advisorId ? await pool.nameOf(record.advisorId) : null;
    return visitorView(record, position, advisorName);
  }

  /** Everything the advisor needs about a chat they hold; reading it is audited. */
  async function assignedView(record: ConversationRecord, advisorId: string) {
    const [claims, history] = await Promise.all([
      claimsVisibleTo(deps.claims, record.visitor),
      conversations.history(record.id, 0, LIMITS.historyPageMax),
    ]);
    await deps.audit.record({
      actor: advisorId,
      actorRole: 'advisor',
      subject: record.visitor.codiceFiscale,
      what: 'claims,transcript',
      purpose: 'assigned chat',
      conversationId: record.id,
    });
    return advisorView(record, claims, history.messages);
  }

  async function pushPositions(queue: Audience): Promise<void> {
    const waiting = await pool.waiting(queue, POSITION_PUSH_LIMIT);
    const records = await Promise.all(waiting.map((id) => conversations.get(id)));
    records.forEach((record, index) => {
      if (record)
        notifier.toVisitor(record.visitorKey, 'queue:position', {
          conversationId: record.id,
          position: index + 1,
        });
    });
    notifier.toAllAdvisors('queue:stats', { queue, waiting: await pool.waitingCount(queue) });
  }

  /** Hands out waiting chats while advisors have free slots; safe to call from any process. */
  async function dispatch(queue: Audience): Promise<void> {
    let assigned = 0;
    for (let next = await pool.assignNext(queue); next; next = await pool.assignNext(queue)) {
      assigned++;
      const record = await conversations.get(next.conversationId);
      if (!record) continue;
      const advisorName = await pool.nameOf(next.advisorId);
      notifier.toVisitor(record.visitorKey, 'chat:assigned', { conversationId: record.id, advisorName });
      notifier.toAdvisor(next.advisorId, 'chat:assigned', await assignedView(record, next.advisorId));
      log.info({ conversationId: record.id, advisorId: next.advisorId, queue }, 'chat assigned');
    }
    if (assigned > 0) await pushPositions(queue);
  }

  /** A freed advisor slot may serve any queue. */
  async function dispatchAll(): Promise<void> {
    for (const queue of AUDIENCES) await dispatch(queue);
  }

  return {
    dispatch,
    dispatchAll,

    async visitorSession(identity: Identity) {
      const activeId = await conversations.activeIdOf(visitorKeyOf(identity.sub));
      const record = activeId ? await conversations.get(activeId) : null;
      return { conversation: record ? await visitorConversation(record) : null };
    },

    async visitorClaims(identity: Identity) {
      return {
        claims: await claimsVisibleTo(deps.claims, snapshotOf(identity)),
        asOf: new Date().toISOString(),
      };
    },

    async requestAdvisor(identity: Identity, topic: string) {
      const queue = audienceOf(identity.role as VisitorRole);
      const visitorKey = visitorKeyOf(identity.sub);
      const { id, created } = await conversations.open(visitorKey, snapshotOf(identity), queue, topic);
      if (created) {
        log.info({ conversationId: id, queue }, 'chat queued');
        await dispatch(queue);
        await pushPositions(queue);
      }
      const record = await conversations.get(id);
      if (!record) throw new Error(`conversation ${id} vanished after opening`);
      return { conversation: await visitorConversation(record) };
    },

    async send(who: Participant, conversationId: string, clientMessageId: string, text: string) {
      const { message, duplicate } = await conversations.append(conversationId, who, clientMessageId, text);
      if (!duplicate) {
        const record = await conversations.get(conversationId);
        if (record) {
          notifier.toVisitor(record.visitorKey, 'chat:message', message);
          if (record.advisorId) notifier.toAdvisor(record.advisorId, 'chat:message', message);
        }
      }
      return { seq: message.seq, sentAt: message.sentAt, duplicate };
    },

    async history(who: Participant, conversationId: string, afterSeq: number, limit: number) {
      await conversations.getAs(conversationId, who);
      return conversations.history(conversationId, afterSeq, limit);
    },

    async close(who: Participant, conversationId: string) {
      await conversations.getAs(conversationId, who);
      const closed = await conversations.close(conversationId, who.kind);
      if (!closed || closed.previousStatus === 'closed') return {};
      const event = { conversationId, closedBy: who.kind };
      notifier.toVisitor(closed.visitorKey, 'chat:closed', event);
      if (closed.advisorId) notifier.toAdvisor(closed.advisorId, 'chat:closed', event);
      log.info({ conversationId, closedBy: who.kind }, 'chat closed');
      if (closed.previousStatus === 'queued') await pushPositions(closed.queue);
      else await dispatchAll();
      return {};
    },

    async heldBy(advisorId: string) {
      const ids = await pool.conversationsOf(advisorId);
      const records = await Promise.all(ids.map((id) => conversations.get(id)));
      const held = records.filter((r): r is ConversationRecord => r !== null && r.status === 'active');
      return Promise.all(held.map((record) => assignedView(record, advisorId)));
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
