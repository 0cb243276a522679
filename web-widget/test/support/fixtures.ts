import type { ClaimSummary, FollowUp, VisitorConversation } from '@infocig/shared';
import { applyReady } from '../../src/widget/session/reducers.ts';
import { initialVisitorState, type Push, type VisitorState } from '../../src/widget/session/state.ts';

export const id = '01JD3Q7J0X7M2Y5V9W4T6R8S1A';
export const otherId = '01JD3Q7J0X7M2Y5V9W4T6R8S1B';

export const queued: VisitorConversation = {
  id,
  status: 'queued',
  position: 3,
  estimatedWaitSeconds: null,
  lastSeq: 0,
  readUpTo: { visitor: 0, advisor: 0 },
  openedAt: '2026-11-22T15:00:00.000Z',
};

export const open = { open: true, hours: 'always', opensAt: null };

export function ready(over: Partial<Push<'session:ready'>> = {}): Push<'session:ready'> {
  return {
    protocolVersion: 1,
    identity: { role: 'lavoratore', displayName: 'Mario Rossi', audience: 'workers' },
    conversation: null,
    admission: { admitted: true, availableFrom: null },
    service: open,
    followUps: [],
    companies: [],
    ...over,
  };
}

export const readyState = (over: Partial<Push<'session:ready'>> = {}): VisitorState =>
  applyReady(initialVisitorState, ready(over));

export function followUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-1',
    kind: 'message',
    office: null,
    queue: 'workers',
    topic: 'Pagamento di marzo',
    text: 'Non ho ricevuto il pagamento di marzo.',
    createdAt: '2026-11-22T19:00:00.000Z',
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    ...over,
  };
}

/** The kinds of what the live region was given, oldest first. */
export const kinds = (s: VisitorState) => s.announcements.map((a) => a.event.kind);

export const TESSITURA = {
  cf: '04987650159',
  name: 'Tessitura Sabauda S.p.A.',
  province: 'TO',
  admitted: true,
};
export const LOGISTICA = {
  cf: '11223340156',
  name: 'Logistica Navigli S.r.l.',
  province: 'MI',
  admitted: true,
};

export function claim(over: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    applicationId: 'app-1',
    benefitType: 'CIGO',
    companyName: 'Tessitura Sabauda S.p.A.',
    matricola: '0119902694',
    periodFrom: '2026-03-02',
    periodTo: '2026-04-12',
    status: 'IN_ISTRUTTORIA',
    statusSince: '2026-03-20',
    protocolNumber: 'INPS.0011.09/03/2026.0345214',
    inpsOffice: 'INPS Torino Nord',
    inpsOfficeCode: '0011',
    workersCovered: 32,
    payments: [],
    guidance: { it: 'In esame.', en: 'Under review.', nextActor: 'inps', actBy: null },
    estimate: null,
    ...over,
  };
}

/** An intermediary, connected, with two delegating companies. */
export const consultantState = (companies = [LOGISTICA, TESSITURA]): VisitorState =>
  readyState({
    identity: { role: 'consulente', displayName: 'Luca Ferrari', audience: 'employers' },
    companies,
  });
