import type {
  AdvisorClientEvents,
  AdvisorServerEvents,
  chatEvents,
  PushEventMap,
  SupervisorClientEvents,
  SupervisorServerEvents,
  sessionEvents,
  VisitorClientEvents,
  VisitorServerEvents,
} from '@infocig/shared';
import { NAMESPACES } from '@infocig/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import type { Identity, IdentityOf, StaffIdentity, VisitorIdentity } from '../people/identity.ts';

/** What a socket carries once its handshake is admitted: the verified identity. */
export interface SocketData<I extends Identity = Identity> {
  identity: I;
}

type NoServerEvents = Record<string, never>;

/** The widget's namespace as the protocol types it: a misspelled push or a wrong payload does not compile. */
export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  NoServerEvents,
  SocketData<VisitorIdentity>
>;
export type VisitorSocket = Socket<
  VisitorClientEvents,
  VisitorServerEvents,
  NoServerEvents,
  SocketData<VisitorIdentity>
>;

/** The console's namespace, typed the same way. */
export type AdvisorNamespace = Namespace<
  AdvisorClientEvents,
  AdvisorServerEvents,
  NoServerEvents,
  SocketData<StaffIdentity>
>;
export type AdvisorSocket = Socket<
  AdvisorClientEvents,
  AdvisorServerEvents,
  NoServerEvents,
  SocketData<StaffIdentity>
>;

/** The supervisors' namespace: the live overview. */
export type SupervisorNamespace = Namespace<
  SupervisorClientEvents,
  SupervisorServerEvents,
  NoServerEvents,
  SocketData<IdentityOf<'supervisor'>>
>;
export type SupervisorSocket = Socket<
  SupervisorClientEvents,
  SupervisorServerEvents,
  NoServerEvents,
  SocketData<IdentityOf<'supervisor'>>
>;

/** What code shared by both namespaces may push: the session events every namespace has. */
type SessionPushes = PushEventMap<typeof sessionEvents> &
  Pick<PushEventMap<typeof chatEvents>, 'session:error'>;
export type SessionSocket = Socket<Record<string, never>, SessionPushes, NoServerEvents, SocketData>;

// Socket.IO types only the main namespace through `Server`'s parameters; the namespaces get
// their protocol's types here, in one place.
export const visitorNamespace = (io: Server) => io.of(NAMESPACES.visitor) as unknown as VisitorNamespace;
export const advisorNamespace = (io: Server) => io.of(NAMESPACES.advisor) as unknown as AdvisorNamespace;
export const supervisorNamespace = (io: Server) =>
  io.of(NAMESPACES.supervisor) as unknown as SupervisorNamespace;
