import type { AssignedConversation, FollowUp, ReferralsOverview } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';
import { until } from '../support/until.ts';

let server: TestServer;

beforeAll(async () => {
  // Due at once: the overdue timer runs within the test.
  server = await startTestServer({ env: { REFERRAL_DUE_SECONDS: '2' } });
});
afterAll(() => server.close());

const staffOf = (office: string, sub: string, name: string) => ({
  sub,
  role: 'advisor' as const,
  name,
  office,
});

async function overview(): Promise<ReferralsOverview> {
  const res = await fetch(`${server.url}/api/supervisor/referrals`, {
    headers: { authorization: `Bearer ${await server.token('supervisor')}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return (await res.json()) as ReferralsOverview;
}

/** A worker's chat assigned to the demo advisor, with the claims the advisor sees. */
async function heldChat(): Promise<{
  worker: VisitorClient;
  advisor: AdvisorClient;
  chat: AssignedConversation;
}> {
  const worker = await connectVisitor(server.url, await server.token('worker-rm'));
  await worker.next('session:ready');
  const advisor = await connectAdvisor(server.url, await server.token('advisor'));
  await advisor.next('session:ready');
  const { conversation } = await worker.ok('chat:request', { topic: 'Pagamento restituito' });
  const chat = await advisor.next('chat:assigned', (c) => c.id === conversation.id);
  return { worker, advisor, chat };
}

describe('referrals to the office of competence', () => {
  it('go from the chat to the claim’s office, are taken and answered there, and the answer reaches the person', async () => {
    const { worker, advisor, chat } = await heldChat();
    const claim = chat.claims[0]!;
    expect(claim.inpsOfficeCode).toBe(DEMO_PERSONAS['office-rm'].office);

    // Not a claim of this chat: refused, nothing opened.
    const foreign = await advisor.request('referral:open', {
      conversationId: chat.id,
      applicationId: 'not-an-application',
      question: 'Domanda',
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'ACCESS_FORBIDDEN' } });

    const { referral } = await advisor.ok('referral:open', {
      conversationId: chat.id,
      applicationId: claim.applicationId,
      question: 'Il pagamento di marzo risulta restituito: potete riemetterlo?',
    });
    expect(referral).toMatchObject({
      kind: 'referral',
      status: 'open',
      officeCode: claim.inpsOfficeCode,
      office: claim.inpsOffice,
      openedBy: 'Paolo Romano',
      claim: { applicationId: claim.applicationId, benefitType: claim.benefitType },
    });

    // The person is told in the chat and sees it among their follow-ups.
    const notice = await worker.next('chat:message', (m) => m.notice?.kind === 'referral');
    expect(notice.notice).toEqual({ kind: 'referral', office: claim.inpsOffice });
    const opened = await worker.next('followup:updated', (f) => f.id === referral.id);
    expect(opened).toMatchObject({ kind: 'referral', status: 'open', office: claim.inpsOffice });

    // Staff of the office see it; staff of another office and plain advisors do not.
    const office = await connectAdvisor(server.url, await server.token('office-rm'));
    const colleague = await connectAdvisor(
      server.url,
      await server.token(staffOf(claim.inpsOfficeCode, 'BRNLRA80A41H501X', 'Laura Bruno')),
    );
    const elsewhere = await connectAdvisor(
      server.url,
      await server.token(staffOf('0150', 'VRDGPP70A01F205X', 'Giuseppe Verdi')),
    );
    const ready = await office.next('session:ready');
    expect(ready.office).toEqual({ code: claim.inpsOfficeCode, name: claim.inpsOffice });
    const listed = await office.ok('referral:list', {});
    expect(listed.referrals.map((r) => r.id)).toContain(referral.id);
    expect((await elsewhere.ok('referral:list', {})).referrals.map((r) => r.id)).not.toContain(referral.id);
    expect(await advisor.request('referral:list', {})).toMatchObject({
      ok: false,
      error: { code: 'OFFICE_STAFF_ONLY' },
    });
    expect(await elsewhere.request('referral:take', { id: referral.id })).toMatchObject({
      ok: false,
      error: { code: 'REFERRAL_NOT_FOUND' },
    });
    // Not a message for the advisors' queues: neither listed nor answerable there.
    expect((await advisor.ok('followup:list', {})).followUps.map((f) => f.id)).not.toContain(referral.id);
    expect(await advisor.request('followup:answer', { id: referral.id, text: 'Risposta' })).toMatchObject({
      ok: false,
      error: { code: 'FOLLOWUP_NOT_FOUND' },
    });

    const taken = await office.ok('referral:take', { id: referral.id });
    expect(taken.referral).toMatchObject({ status: 'taken', takenBy: 'Sara Conti', takenByYou: true });
    await worker.next('followup:updated', (f) => f.id === referral.id && f.status === 'taken');
    // Taken by a colleague: neither taken again nor answered by another.
    expect(await colleague.request('referral:take', { id: referral.id })).toMatchObject({
      ok: false,
      error: { code: 'REFERRAL_NOT_FOUND' },
    });
    expect(await colleague.request('referral:answer', { id: referral.id, text: 'Io' })).toMatchObject({
      ok: false,
      error: { code: 'REFERRAL_NOT_FOUND' },
    });

    const answer = 'Il pagamento è stato riemesso: arriverà entro il 20 marzo.';
    const answered = await office.ok('referral:answer', { id: referral.id, text: answer });
    expect(answered.referral).toMatchObject({ status: 'answered', answer, answeredBy: 'Sara Conti' });
    const pushed = await worker.next('followup:answered', (f: FollowUp) => f.id === referral.id);
    expect(pushed).toMatchObject({ kind: 'referral', status: 'answered', answer });
    const mine = await worker.ok('followup:list', {});
    expect(mine.followUps.find((f) => f.id === referral.id)).toMatchObject({ status: 'answered', answer });
    expect(await office.request('referral:answer', { id: referral.id, text: 'Ancora' })).toMatchObject({
      ok: false,
      error: { code: 'REFERRAL_NOT_FOUND' },
    });
    expect((await office.ok('referral:list', {})).referrals.map((r) => r.id)).not.toContain(referral.id);

    // Every read and change by staff is in the person's access log, by name.
    const { entries } = await worker.ok('privacy:access-log', {});
    const byPurpose = new Map(entries.map((e) => [e.purpose, e.actorName]));
    expect(byPurpose.get('referral to the office')).toBe('Paolo Romano');
    expect(byPurpose.get('office referral list')).toBe('Sara Conti');
    expect(byPurpose.get('office referral taken')).toBe('Sara Conti');
    expect(byPurpose.get('office referral answer')).toBe('Sara Conti');
    expect(entries.some((e) => e.actorName === 'Giuseppe Verdi')).toBe(false);

    await advisor.ok('chat:close', { conversationId: chat.id, outcome: 'referred_office' });
    for (const c of [worker, advisor, office, colleague, elsewhere]) c.close();
  });

  it('are refused for a chat the advisor does not hold', async () => {
    const { worker, advisor, chat } = await heldChat();
    const other = await connectAdvisor(
      server.url,
      await server.token({ sub: 'GLLMRC75C10H501X', role: 'advisor', name: 'Marco Gallo' }),
    );
    await other.next('session:ready');
    const refused = await other.request('referral:open', {
      conversationId: chat.id,
      applicationId: chat.claims[0]!.applicationId,
      question: 'Domanda',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FORBIDDEN' } });
    const invalid = await advisor.request('referral:open', { conversationId: chat.id, question: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await advisor.ok('chat:close', { conversationId: chat.id, outcome: 'settled' });
    for (const c of [worker, advisor, other]) c.close();
  });

  it('still unanswered at their due time are marked overdue by the timer, and supervisors see them by office', async () => {
    const { worker, advisor, chat } = await heldChat();
    const claim = chat.claims[0]!;
    const { referral } = await advisor.ok('referral:open', {
      conversationId: chat.id,
      applicationId: claim.applicationId,
      question: 'Serve il decreto di autorizzazione.',
    });
    const office = (await overview()).offices.find((o) => o.officeCode === claim.inpsOfficeCode);
    expect(office).toMatchObject({ officeName: claim.inpsOffice });
    expect(office!.open).toBeGreaterThanOrEqual(1);
    expect(Date.parse(office!.oldestOpenedAt)).toBeLessThanOrEqual(Date.parse(referral.createdAt));

    // The BullMQ timer marks it in the store at its due time.
    await until(async () => {
      const [row] = await server.app.db.query<{ overdue_at: Date | null }>(
        'SELECT overdue_at FROM follow_ups WHERE id = $1',
        [referral.id],
      );
      return row?.overdue_at != null;
    }, 'the referral marked overdue');
    const staff = await connectAdvisor(server.url, await server.token('office-rm'));
    const listed = (await staff.ok('referral:list', {})).referrals.find((r) => r.id === referral.id);
    expect(listed?.overdue).toBe(true);
    const after = (await overview()).offices.find((o) => o.officeCode === claim.inpsOfficeCode);
    expect(after!.overdue).toBeGreaterThanOrEqual(1);

    // Answered, it leaves the supervisors' counts.
    await staff.ok('referral:answer', { id: referral.id, text: 'Decreto inviato.' });
    const left = (await overview()).offices.find((o) => o.officeCode === claim.inpsOfficeCode);
    expect((left?.open ?? 0) + (left?.taken ?? 0)).toBe(office!.open + office!.taken - 1);
    await advisor.ok('chat:close', { conversationId: chat.id, outcome: 'referred_office' });
    for (const c of [worker, advisor, staff]) c.close();
  });

  it('are shown to supervisors only', async () => {
    const res = await fetch(`${server.url}/api/supervisor/referrals`, {
      headers: { authorization: `Bearer ${await server.token('office-rm')}` },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
  });
});
