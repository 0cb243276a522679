import { describe, expect, it } from 'vitest';
import { applyRequested } from '../src/widget/session/reducers.ts';
import {
  applyFollowUpAnswered,
  applyFollowUpCreated,
  applyFollowUps,
  applyServiceClosed,
  applyServiceOpened,
} from '../src/widget/session/reducers-followups.ts';
import { followUp, id, kinds, otherId, queued, readyState } from './support/fixtures.ts';

describe('widget state: service hours and follow-ups', () => {
  it('takes admission, companies, the service status and follow-ups from session:ready', () => {
    const closed = { open: false, hours: 'mon-fri 15:00-18:00', opensAt: '2026-11-23T14:00:00.000Z' };
    const company = { cf: '04987650159', name: 'Tessitura Sabauda S.p.A.', province: 'TO', admitted: false };
    const admission = { admitted: false, availableFrom: '2027-03-01' };
    const s = readyState({ service: closed, followUps: [followUp()], admission, companies: [company] });
    expect(s.service).toEqual(closed);
    expect(s.admission).toEqual(admission);
    expect(s.companies).toEqual([company]);
    expect(s.followUps.map((f) => f.id)).toEqual(['fu-1']);
  });

  it('stops offering the chat when a request finds the service closed', () => {
    const s = applyServiceClosed({ ...readyState(), busy: true });
    expect(s.service).toEqual({ open: false, hours: 'always', opensAt: null });
    expect(s.busy).toBe(false);
    expect(kinds(s)).toEqual(['service-closed']);
  });

  it('carries the topic of a chat request the closed service refused into the follow-up, once', () => {
    expect(readyState().refusedTopic).toBe('');
    const s = applyServiceClosed({ ...readyState(), busy: true }, 'Cassa integrazione di marzo');
    expect(s.refusedTopic).toBe('Cassa integrazione di marzo');
    expect(applyFollowUpCreated(s, followUp()).refusedTopic).toBe('');
  });

  it('offers the chat again once the announced opening has come', () => {
    const opensAt = '2026-11-23T14:00:00.000Z';
    const s = readyState({ service: { open: false, hours: 'mon-fri 15:00-18:00', opensAt } });
    expect(applyServiceOpened(s, Date.parse(opensAt) - 1)).toBe(s);
    expect(applyServiceOpened(s, Date.parse(opensAt)).service).toEqual({
      open: true,
      hours: 'mon-fri 15:00-18:00',
      opensAt: null,
    });
    expect(applyServiceOpened(readyState(), Date.now())).toEqual(readyState());
  });

  it('lists a new follow-up first; left instead of waiting, the queued chat is gone', () => {
    let s = applyFollowUps(readyState(), [followUp({ id: 'fu-0' })]);
    s = applyRequested(s, queued);
    const mine = applyFollowUpCreated(s, followUp(), otherId);
    expect(mine.conversation?.id).toBe(id);
    s = applyFollowUpCreated({ ...s, busy: true }, followUp(), id);
    expect(s.conversation).toBeNull();
    expect(s.busy).toBe(false);
    expect(s.followUps.map((f) => f.id)).toEqual(['fu-1', 'fu-0']);
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'followup-sent' });
  });

  it('shows an answer where the follow-up was, and announces it once', () => {
    let s = applyFollowUps(readyState(), [followUp({ id: 'fu-2' }), followUp()]);
    const answered = followUp({
      status: 'answered',
      answer: 'Il pagamento è stato disposto il 12 marzo.',
      answeredBy: 'Paolo Romano',
      answeredAt: '2026-11-23T15:10:00.000Z',
    });
    s = applyFollowUpAnswered(s, answered);
    expect(s.followUps.map((f) => [f.id, f.status])).toEqual([
      ['fu-2', 'open'],
      ['fu-1', 'answered'],
    ]);
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'followup-answered', topic: 'Pagamento di marzo' });
    expect(applyFollowUpAnswered(s, answered)).toBe(s);
  });
});
