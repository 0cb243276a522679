import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyClosed,
  applyOffered,
  applyPosition,
  applyReady,
  applyRequested,
  applyRequeued,
  waitMinutes,
} from '../src/widget/session/reducers.ts';
import type { VisitorState } from '../src/widget/session/state.ts';
import { id, kinds, otherId, queued, ready, readyState } from './support/fixtures.ts';

describe('widget state: the queue', () => {
  it('follows a request through the queue to an advisor, ignoring other conversations', () => {
    let s: VisitorState = applyRequested(readyState(), queued);
    s = applyPosition(s, { conversationId: otherId, position: 1, estimatedWaitSeconds: 60 });
    expect(s.conversation?.position).toBe(3);
    s = applyPosition(s, { conversationId: id, position: 1, estimatedWaitSeconds: null });
    s = applyAssigned(s, { conversationId: id, advisorName: 'Paolo Romano' });
    expect(s.conversation).toMatchObject({ status: 'active', advisorName: 'Paolo Romano' });
    expect(s.conversation?.position).toBeUndefined();
    expect(kinds(s)).toEqual(['queue', 'queue', 'assigned']);
  });

  it('announces a new place, and a wait estimate only when it moves by a minute or more', () => {
    let s = applyRequested(readyState(), { ...queued, estimatedWaitSeconds: 600 });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'queue', position: 3, waitMinutes: 10 });
    s = applyPosition(s, { conversationId: id, position: 3, estimatedWaitSeconds: 570 });
    s = applyPosition(s, { conversationId: id, position: 3, estimatedWaitSeconds: 545 });
    expect(kinds(s)).toEqual(['queue']);
    expect(s.conversation?.estimatedWaitSeconds).toBe(545);
    s = applyPosition(s, { conversationId: id, position: 3, estimatedWaitSeconds: 530 });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'queue', position: 3, waitMinutes: 9 });
    s = applyPosition(s, { conversationId: id, position: 2, estimatedWaitSeconds: 520 });
    s = applyPosition(s, { conversationId: id, position: 2, estimatedWaitSeconds: null });
    expect(kinds(s)).toEqual(['queue', 'queue', 'queue', 'queue']);
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'queue', position: 2, waitMinutes: null });
  });

  it('rounds waits to whole minutes, at least one, and never makes one up', () => {
    expect(waitMinutes(null)).toBeNull();
    expect(waitMinutes(undefined)).toBeNull();
    expect(waitMinutes(0)).toBe(1);
    expect(waitMinutes(89)).toBe(1);
    expect(waitMinutes(150)).toBe(3);
  });

  it('goes back to the queue when the advisor leaves or hands it on, and says why', () => {
    let s = applyAssigned(applyRequested(readyState(), queued), { conversationId: id, advisorName: 'Paolo' });
    s = applyRequeued(s, { conversationId: id, reason: 'transferred' });
    expect(s.conversation).toMatchObject({ status: 'queued', requeued: 'transferred' });
    expect(s.conversation?.advisorName).toBeUndefined();
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'requeued', reason: 'transferred' });
    s = applyPosition(s, { conversationId: id, position: 1, estimatedWaitSeconds: 120 });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'queue', position: 1, waitMinutes: 2 });
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
