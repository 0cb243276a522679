import type { WaitEstimate } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyClosed,
  applyOffered,
  applyPosition,
  applyReady,
  applyRequested,
  applyRequeued,
  waitView,
} from '../src/widget/session/reducers.ts';
import type { VisitorState } from '../src/widget/session/state.ts';
import { id, kinds, otherId, queued, ready, readyState } from './support/fixtures.ts';

const range = (lowSeconds: number, highSeconds: number): WaitEstimate => ({
  kind: 'range',
  lowSeconds,
  highSeconds,
  advisors: 1,
});
const noAdvisor: WaitEstimate = { kind: 'none', reason: 'no_advisor_online' };

describe('widget state: the queue', () => {
  it('follows a request through the queue to an advisor, ignoring other conversations', () => {
    let s: VisitorState = applyRequested(readyState(), queued);
    s = applyPosition(s, {
      conversationId: otherId,
      position: 1,
      estimate: range(60, 120),
      estimatedWaitSeconds: 120,
    });
    expect(s.conversation?.position).toBe(3);
    s = applyPosition(s, {
      conversationId: id,
      position: 1,
      estimate: noAdvisor,
      estimatedWaitSeconds: null,
    });
    s = applyAssigned(s, { conversationId: id, advisorName: 'Paolo Romano' });
    expect(s.conversation).toMatchObject({ status: 'active', advisorName: 'Paolo Romano' });
    expect(s.conversation?.position).toBeUndefined();
    expect(kinds(s)).toEqual(['queue', 'queue', 'assigned']);
  });

  it('announces a new place, and the wait only when its words change', () => {
    const at = (estimate: WaitEstimate, position = 3) => ({
      conversationId: id,
      position,
      estimate,
      estimatedWaitSeconds: estimate.kind === 'range' ? estimate.highSeconds : null,
    });
    let s = applyRequested(readyState(), { ...queued, estimate: noAdvisor }, 0);
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'queue',
      position: 3,
      wait: { kind: 'none', reason: 'no_advisor_online' },
    });
    s = applyPosition(s, at(range(130, 290)), 1_000);
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'queue',
      position: 3,
      wait: { kind: 'range', lowMinutes: 2, highMinutes: 5 },
    });
    // The same minutes in other seconds: quiet, but the clock restarts from the new estimate.
    s = applyPosition(s, at(range(125, 280)), 2_000);
    expect(kinds(s)).toEqual(['queue', 'queue']);
    expect(s.conversation).toMatchObject({ estimate: range(125, 280), estimateAt: 2_000 });
    s = applyPosition(s, at(range(125, 280), 2), 3_000);
    s = applyPosition(s, at({ kind: 'none', reason: 'no_service_rate' }, 2), 4_000);
    expect(kinds(s)).toEqual(['queue', 'queue', 'queue', 'queue']);
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'queue',
      position: 2,
      wait: { kind: 'none', reason: 'no_service_rate' },
    });
  });

  it('words a wait as a range of whole minutes, never one figure, and drops it once it has passed', () => {
    expect(waitView(undefined, 0, 0)).toBeNull();
    expect(waitView(noAdvisor, 0, 0)).toEqual({ kind: 'none', reason: 'no_advisor_online' });
    expect(waitView(range(130, 290), 0, 0)).toEqual({ kind: 'range', lowMinutes: 2, highMinutes: 5 });
    expect(waitView(range(0, 40), 0, 0)).toEqual({ kind: 'range', lowMinutes: 0, highMinutes: 1 });
    expect(waitView(range(120, 120), 0, 0)).toEqual({ kind: 'range', lowMinutes: 2, highMinutes: 3 });
    // Past the high end, the range is no longer true: plain words instead of a stale number.
    expect(waitView(range(130, 290), 0, 290_000)).toEqual({ kind: 'range', lowMinutes: 2, highMinutes: 5 });
    expect(waitView(range(130, 290), 0, 290_001)).toEqual({ kind: 'none', reason: 'overdue' });
  });

  it('goes back to the queue when the advisor leaves or hands it on, and says why', () => {
    let s = applyAssigned(applyRequested(readyState(), queued), { conversationId: id, advisorName: 'Paolo' });
    s = applyRequeued(s, { conversationId: id, reason: 'transferred' });
    expect(s.conversation).toMatchObject({ status: 'queued', requeued: 'transferred' });
    expect(s.conversation?.advisorName).toBeUndefined();
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'requeued', reason: 'transferred' });
    s = applyPosition(s, {
      conversationId: id,
      position: 1,
      estimate: range(60, 120),
      estimatedWaitSeconds: 120,
    });
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'queue',
      position: 1,
      wait: { kind: 'range', lowMinutes: 1, highMinutes: 2 },
    });
    s = applyAssigned(s, { conversationId: id, advisorName: 'Giulia' });
    expect(s.conversation).toMatchObject({ status: 'active', advisorName: 'Giulia' });
    expect(s.conversation?.requeued).toBeUndefined();
    expect(applyAssigned(s, { conversationId: id, advisorName: 'Giulia' })).toBe(s);
  });

  it('offers a follow-up once, only while queued', () => {
    let s = applyRequested(readyState(), queued);
    s = applyOffered(s, { conversationId: id });
    expect(s.conversation?.followUpOffered).toBe(true);
    expect(applyOffered(s, { conversationId: id })).toBe(s);
    const active = applyAssigned(s, { conversationId: id, advisorName: 'Paolo' });
    expect(
      applyOffered(
        { ...active, conversation: { ...active.conversation!, followUpOffered: false } },
        { conversationId: id },
      ).conversation?.followUpOffered,
    ).toBe(false);
  });
});

describe('widget state: the end of a chat', () => {
  it('says why the system closed it', () => {
    const s = applyClosed(applyRequested(readyState(), queued), {
      conversationId: id,
      closedBy: 'system',
      reason: 'inactive',
    });
    expect(s.conversation).toMatchObject({ status: 'closed', closedBy: 'system', closeReason: 'inactive' });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'closed', closedBy: 'system', reason: 'inactive' });
  });

  it('marks an open conversation closed when the server no longer has it after a reconnect', () => {
    let s = applyRequested(readyState(), queued);
    s = { ...s, connection: { kind: 'reconnecting', attempt: 2, lastError: null } };
    s = applyReady(s, ready());
    expect(s.conversation).toMatchObject({ id, status: 'closed', closedBy: 'system' });
    expect(applyClosed(s, { conversationId: id, closedBy: 'advisor' })).toBe(s);
  });

  it('keeps what only the page knows about a conversation across a reconnect, and read marks forward', () => {
    let s = applyOffered(applyRequested(readyState(), queued), { conversationId: id });
    s = { ...s, conversation: { ...s.conversation!, readUpTo: { visitor: 4, advisor: 2 } } };
    s = applyReady(
      s,
      ready({ conversation: { ...queued, position: 2, readUpTo: { visitor: 3, advisor: 3 } } }),
    );
    expect(s.conversation).toMatchObject({
      position: 2,
      followUpOffered: true,
      readUpTo: { visitor: 4, advisor: 3 },
    });
  });
});
