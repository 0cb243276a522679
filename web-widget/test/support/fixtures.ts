import type { FollowUp, VisitorConversation } from '@infocig/shared';
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
