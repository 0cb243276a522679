import { PROTOCOL_VERSION, supervisorCommands } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { VerifyToken } from '../auth/token-verifier.ts';
import { toWireError } from '../errors/app-error.ts';
import type { SupervisorNamespace, SupervisorSocket } from '../realtime/typed-sockets.ts';
import type { ServiceOverviewReader } from '../supervision/service-overview.ts';
import { type CommandTable, commandTable, serveCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { SessionLifetime, type SessionLifetimeDeps } from './session-lifetime.ts';

export interface SupervisorNamespaceDeps {
  verify: VerifyToken;
  overview: ServiceOverviewReader;
  lifetime: SessionLifetimeDeps;
  log: FastifyBaseLogger;
}

/** Supervisors' live view: the overview at connection, then pushed as it changes. */
export function setUpSupervisorNamespace(nsp: SupervisorNamespace, deps: SupervisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['supervisor']));
  const commands = commandTable(
    supervisorCommands,
    {
      'auth:refresh': (lifetime: SessionLifetime, payload) => lifetime.refresh(payload),
      'supervisor:overview': () => deps.overview(),
    },
    deps.log,
  );
  nsp.on('connection', (socket) => {
    onConnection(socket, deps, commands).catch((err: unknown) => {
      deps.log.error({ err }, 'supervisor session setup failed');
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

async function onConnection(
  socket: SupervisorSocket,
  deps: SupervisorNamespaceDeps,
  commands: CommandTable<SessionLifetime>,
) {
  const { identity } = socket.data;
  serveCommands(socket, commands, new SessionLifetime(socket, `s:${identity.sub}`, deps.lifetime));
  const overview = await deps.overview();
  if (!socket.connected) return;
  socket.emit('session:ready', {
    protocolVersion: PROTOCOL_VERSION,
    identity: { role: identity.role, displayName: identity.name },
    overview,
  });
}
