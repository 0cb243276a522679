import { describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/realtime/notifier.ts';
import type { AdvisorSocket, SessionSocket, VisitorSocket } from '../../src/realtime/typed-sockets.ts';

// Checked by `pnpm typecheck`: each `@ts-expect-error` must meet an error, so if an emit stopped
// being typed by the protocol, the unused directive would fail the build.
function misuses(visitor: VisitorSocket, advisor: AdvisorSocket, session: SessionSocket, notifier: Notifier) {
  // @ts-expect-error a push the protocol does not have
  visitor.emit('claims:statsu', { wrong: true });
  // @ts-expect-error the right push with the wrong payload
  visitor.emit('claims:status', { wrong: true });
  // @ts-expect-error a visitor's push on the advisor's namespace
  advisor.emit('claims:status', { claims: [], asOf: '2026-12-07T00:00:00Z' });
  // @ts-expect-error a session end with a code sessions do not end with
  session.emit('session:ended', { code: 'VALIDATION_FAILED', message: '' });
  // @ts-expect-error pushed through the notifier under a misspelled name
  notifier.toVisitor('key', 'chat:mesage', {});
  visitor.emit('session:resync', { reason: 'pushes_interrupted' });
}

describe('the server’s sockets', () => {
  it('are typed by the shared protocol (see the type checks above)', () => {
    expect(misuses).toBeTypeOf('function');
  });
});
