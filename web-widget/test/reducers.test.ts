import type { VisitorConversation } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyClosed,
  applyPosition,
  applyReady,
  applyRequested,
} from '../src/widget/session/reducers.ts';
import { initialVisitorState, type VisitorState } from '../src/widget/session/state.ts';

const id = '01JD3Q7J0X7M2Y5V9W4T6R8S1A';
const other = '01JD3Q7J0X7M2Y5V9W4T6R8S1B';
const queued: VisitorConversation = {
  id,
  status: 'queued',
  position: 3,
  lastSeq: 0,
  openedAt: '2026-11-22T15:00:00.000Z',
};
const identity = { role: 'lavoratore' as const, displayName: 'Mario Rossi', audience: 'workers' as const };

describe('widget state', () => {
  it('follows a request through the queue to an advisor, ignoring other conversations', () => {
    let s: VisitorState = applyReady(initialVisitorState, {
      protocolVersion: 1,
      identity,
      conversation: null,
    });
    s = applyRequested(s, queued);
    s = applyPosition(s, { conversationId: other, position: 1 });
    expect(s.conversation?.position).toBe(3);
    s = applyPosition(s, { conversationId: id, position: 1 });
    s = applyAssigned(s, { conversationId: id, advisorName: 'Paolo Romano' });
    expect(s.conversation).toMatchObject({
      status: 'active',
      advisorName: 'Paolo Romano',
      position: undefined,
    });
    expect(s.announcements.map((a) => a.event.kind)).toEqual(['queue', 'queue', 'assigned']);
  });

  it('marks an open conversation closed when the server no longer has it after a reconnect', () => {
    let s = applyRequested(
      applyReady(initialVisitorState, { protocolVersion: 1, identity, conversation: null }),
      queued,
    );
    s = { ...s, connection: { kind: 'reconnecting', attempt: 2, lastError: null } };
    s = applyReady(s, { protocolVersion: 1, identity, conversation: null });
    expect(s.conversation).toMatchObject({ id, status: 'closed', closedBy: 'system' });
    expect(applyClosed(s, { conversationId: id, closedBy: 'advisor' })).toBe(s);
  });
});
