import {
  NAMESPACES,
  type ServiceOverview,
  type SupervisorClientEvents,
  type SupervisorServerEvents,
  supervisorEvents,
} from '@infocig/shared';
import {
  type AppPushHandlers,
  type ConnectionOptions,
  initialSessionState,
  listenToPushes,
  type SessionState,
  SocketSession,
} from '@infocig/shared/client';

export interface SupervisorState extends SessionState<never> {
  /** The newest overview of queues and advisors; null until the session is ready. */
  overview: ServiceOverview | null;
}

const initial: SupervisorState = { ...initialSessionState, overview: null };

/** The supervisor's live link: the overview at connection, then every change pushed by the server. */
export class SupervisorSession extends SocketSession<
  SupervisorState,
  SupervisorServerEvents,
  SupervisorClientEvents
> {
  constructor(options: ConnectionOptions) {
    super({ initial, namespace: NAMESPACES.supervisor, connection: options, announceLost: (s) => s });
    const handlers: AppPushHandlers<typeof supervisorEvents> = {
      'session:ready': (ready) =>
        this.update((s) => ({
          ...s,
          connection: { kind: 'connected' },
          identity: ready.identity,
          overview: ready.overview,
        })),
      'supervisor:overview': (overview) => this.update((s) => ({ ...s, overview })),
    };
    listenToPushes(this.socket, supervisorEvents, handlers);
  }
}
