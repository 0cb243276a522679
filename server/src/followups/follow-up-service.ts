import type { AdvisorFollowUp, Audience, FollowUp, Role } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessAudit } from '../audit/access-audit.ts';
import type { VisitorSnapshot } from '../people/visitor.ts';
import { visitorKeyOf } from '../people/visitor-key.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { FollowUpRow, FollowUpStore } from './follow-up-store.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function visitorView(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    kind: row.kind,
    queue: row.queue,
    topic: row.topic,
    text: row.body,
    office: row.office_name,
    createdAt: row.created_at.toISOString(),
    status: row.status,
    answer: row.answer,
    answeredBy: row.answered_by_name,
    answeredAt: iso(row.answered_at),
  };
}

export function advisorView(row: FollowUpRow): AdvisorFollowUp {
  return {
    ...visitorView(row),
    visitor: { role: row.visitor_role as Role, displayName: row.visitor_name, codiceFiscale: row.visitor_cf },
  };
}

/** Follow-up cases: left by visitors when no advisor could chat, answered later by one. */
export function createFollowUpService(
  store: FollowUpStore,
  audit: AccessAudit,
  notifier: Notifier,
  log: FastifyBaseLogger,
) {
  return {
    async leave(
      visitor: VisitorSnapshot,
      queue: Audience,
      topic: string,
      text: string,
      conversationId?: string,
    ) {
      const row = await store.create(visitor, queue, topic, text, conversationId);
      log.info({ followUpId: row.id, queue }, 'follow-up left');
      return { followUp: visitorView(row) };
    },

    async ofVisitor(codiceFiscale: string): Promise<FollowUp[]> {
      return (await store.ofVisitor(codiceFiscale)).map(visitorView);
    },

    /** Open cases of the advisor's queues; each one shown is an audited read of that person's data. */
    async openFor(advisor: { cf: string; name: string }, queues: readonly Audience[]) {
      const rows = await store.open(queues);
      for (const row of rows) {
        await audit.record({
          actor: advisor.cf,
          actorName: advisor.name,
          actorRole: 'advisor',
          subject: row.visitor_cf,
          what: 'follow-up',
          purpose: 'follow-up list',
        });
      }
      return { followUps: rows.map(advisorView) };
    },

    async answer(
      advisor: { cf: string; name: string },
      queues: readonly Audience[],
      id: string,
      text: string,
    ) {
      const row = await store.answer(id, queues, advisor, text);
      await audit.record({
        actor: advisor.cf,
        actorName: advisor.name,
        actorRole: 'advisor',
        subject: row.visitor_cf,
        what: 'follow-up',
        purpose: 'follow-up answer',
      });
      notifier.toVisitor(visitorKeyOf(row.visitor_cf), 'followup:answered', visitorView(row));
      log.info({ followUpId: id }, 'follow-up answered');
      return { followUp: advisorView(row) };
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
