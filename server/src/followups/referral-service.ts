import type { Referral } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessAudit } from '../audit/access-audit.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { ClaimsReader } from '../claims/claims-reader.ts';
import { AppError } from '../errors/app-error.ts';
import type { Jobs } from '../jobs/jobs-plugin.ts';
import { visitorKeyOf } from '../people/visitor-key.ts';
import type { Notifier } from '../realtime/notifier.ts';
import { advisorView, visitorView } from './follow-up-service.ts';
import type { ReferralRow, ReferralStore, Staff } from './referral-store.ts';

export interface ReferralServiceDeps {
  store: ReferralStore;
  chat: Pick<ChatService, 'participantOf' | 'notice'>;
  claims: ClaimsReader;
  audit: AccessAudit;
  notifier: Notifier;
  jobs: Pick<Jobs, 'schedule' | 'cancel'>;
  /** How long an office has to answer before the referral is marked overdue. */
  dueMs: number;
  log: FastifyBaseLogger;
}

/** Office staff: who they are and the office their identity names (none: not office staff). */
export interface OfficeStaff extends Staff {
  office: string | undefined;
}

const overdueJobId = (id: string) => `referral-overdue-${id}`;

function referralView(row: ReferralRow, dueMs: number, viewer: Staff): Referral {
  const due = row.created_at.getTime() + dueMs;
  return {
    ...advisorView(row),
    officeCode: row.office_code,
    openedBy: row.opened_by_name,
    takenBy: row.taken_by_name,
    takenAt: row.taken_at ? row.taken_at.toISOString() : null,
    takenByYou: row.taken_by_cf === viewer.cf,
    // The timer marks it; the age says the same if the timer could not be scheduled.
    overdue: row.status !== 'answered' && (row.overdue_at !== null || Date.now() >= due),
    claim: {
      applicationId: row.application_id,
      benefitType: row.benefit_type,
      status: row.application_status,
      protocolNumber: row.protocol_number,
      companyName: row.company_name,
    },
  };
}

/**
 * Referrals to the INPS office that owns a claim: an advisor holding the chat opens one with the
 * person's question; staff of that office take and answer it; every change reaches the person as
 * their follow-up, and every read of one is audited.
 */
export function createReferralService(deps: ReferralServiceDeps) {
  const { store, audit, notifier, log } = deps;
  const view = (row: ReferralRow, viewer: Staff) => referralView(row, deps.dueMs, viewer);

  const officeOf = (staff: OfficeStaff): string => {
    if (!staff.office) throw new AppError('OFFICE_STAFF_ONLY');
    return staff.office;
  };

  const audited = (staff: Staff, row: ReferralRow, purpose: string) =>
    audit.record({
      actor: staff.cf,
      actorName: staff.name,
      actorRole: 'advisor',
      subject: row.visitor_cf,
      what: 'claims,question',
      purpose,
    });

  const tellVisitor = (row: ReferralRow, event: 'followup:updated' | 'followup:answered') =>
    notifier.toVisitor(visitorKeyOf(row.visitor_cf), event, visitorView(row));

  /** A side effect after the referral is safely stored: its failure is logged, never the command's. */
  const besides = (what: string, id: string, work: Promise<unknown>) =>
    work.catch((err: unknown) => log.warn({ err, referralId: id }, `referral: ${what} failed`));

  return {
    async open(advisor: Staff, conversationId: string, applicationId: string, question: string) {
      const record = await deps.chat.participantOf(conversationId, {
        kind: 'advisor',
        advisorId: advisor.cf,
        name: advisor.name,
      });
      const claims = await deps.claims.visibleTo(record.visitor, record.subject);
      const claim = claims.find((c) => c.applicationId === applicationId);
      if (!claim) throw new AppError('ACCESS_FORBIDDEN', 'That application is not among this chat’s claims.');
      const row = await store.create({
        visitor: record.visitor,
        queue: record.queue,
        conversationId,
        topic: record.topic,
        question,
        applicationId,
        officeCode: claim.inpsOfficeCode,
        openedBy: advisor,
      });
      await audit.record({
        actor: advisor.cf,
        actorName: advisor.name,
        actorRole: 'advisor',
        subject: row.visitor_cf,
        what: 'claims,question',
        purpose: 'referral to the office',
        conversationId,
      });
      log.info({ referralId: row.id, office: row.office_code }, 'referral opened');
      await Promise.all([
        besides(
          'overdue timer',
          row.id,
          deps.jobs.schedule('referral-overdue', { referralId: row.id }, deps.dueMs, overdueJobId(row.id)),
        ),
        besides(
          'chat notice',
          row.id,
          deps.chat.notice(conversationId, `referral-${row.id}`, {
            kind: 'referral',
            office: row.office_name ?? claim.inpsOffice,
          }),
        ),
      ]);
      tellVisitor(row, 'followup:updated');
      return { referral: view(row, advisor) };
    },

    async ofOffice(staff: OfficeStaff) {
      const rows = await store.ofOffice(officeOf(staff));
      for (const row of rows) await audited(staff, row, 'office referral list');
      return { referrals: rows.map((row) => view(row, staff)) };
    },

    async take(staff: OfficeStaff, id: string) {
      const row = await store.take(id, officeOf(staff), staff);
      await audited(staff, row, 'office referral taken');
      tellVisitor(row, 'followup:updated');
      return { referral: view(row, staff) };
    },

    async answer(staff: OfficeStaff, id: string, text: string) {
      const row = await store.answer(id, officeOf(staff), staff, text);
      await audited(staff, row, 'office referral answer');
      await besides('overdue timer removal', id, deps.jobs.cancel(overdueJobId(id)));
      tellVisitor(row, 'followup:answered');
      log.info({ referralId: id }, 'referral answered');
      return { referral: view(row, staff) };
    },

    /** The timer at the due time: a referral still unanswered is marked overdue for supervisors. */
    async markOverdue({ referralId }: { referralId: string }) {
      if (await store.markOverdue(referralId)) log.warn({ referralId }, 'referral overdue');
    },

    /** Unanswered referrals per office, with the oldest's age; counts only. */
    async overview() {
      const due = Date.now() - deps.dueMs;
      const rows = await store.countsByOffice(new Date(due));
      return {
        asOf: new Date().toISOString(),
        offices: rows.map((r) => ({
          officeCode: r.office_code,
          officeName: r.office_name,
          open: r.open,
          taken: r.taken,
          overdue: r.overdue,
          oldestOpenedAt: r.oldest.toISOString(),
        })),
      };
    },

    officeName: store.officeName,
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
