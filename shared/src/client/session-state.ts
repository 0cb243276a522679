import type { SessionIdentity } from '../protocol/index.ts';
import type { UiError } from './ack.ts';
import type { Announced } from './announcements.ts';
import type { ConnectionState } from './connection.ts';

/** What every session's state holds; each app adds its own (claims, chats, ...). */
export interface SessionState<A> {
  connection: ConnectionState;
  identity: SessionIdentity | null;
  /** A command is on its way: the buttons it concerns wait for it. */
  busy: boolean;
  /** The last command that failed, shown next to the controls. */
  commandError: UiError | null;
  /** What the live region reads out, most recent last. */
  announcements: Announced<A>[];
  /**
   * Set when the session could not be renewed (the host gave no fresh token, or the server refused
   * it): when the server will end it (epoch ms). `null` while renewals go through.
   */
  sessionEndsAt: number | null;
}

export const initialSessionState: SessionState<never> = {
  connection: { kind: 'idle' },
  identity: null,
  busy: false,
  commandError: null,
  announcements: [],
  sessionEndsAt: null,
};
