import { PROTOCOL_VERSION, supervisorCommands } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { VerifyToken } from '../auth/token-verifier.ts';
import { toWireError } from '../errors/app-error.ts';
import type { SupervisorNamespace, SupervisorSocket } from '../realtime/typed-sockets.ts';
import type { ServiceOverviewReader } from '../supervision/service-overview.ts';
import { bindCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { type SessionLifetimeDeps, startSessionLifetime } from './session-lifetime.ts';

export interface SupervisorNamespaceDeps {
  verify: VerifyToken;
  overview: ServiceOverviewReader;
  lifetime: SessionLifetimeDeps;
  log: FastifyBaseLogger;
}

/** Supervisors' live view: the overview at connection, then pushed as it changes. */
export function setUpSupervisorNamespace(nsp: SupervisorNamespace, deps: SupervisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['supervisor']));
  nsp.on('connection', (socket) => {
    onConnection(socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, 'supervisor session setup failed');
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

async function onConnection(socket: SupervisorSocket, deps: SupervisorNamespaceDeps) {
  const { identity } = socket.data;
  const lifetime = startSessionLifetime(socket, `s:${identity.sub}`, deps.lifetime);
  bindCommands(
    socket,
    supervisorCommands,
    {
      'auth:refresh': lifetime.refresh,
      'supervisor:overview': () => deps.overview(),
    },
    deps.log,
  );
  const overview = await deps.overview();
  if (!socket.connected) return;
  socket.emit('session:ready', {
    protocolVersion: PROTOCOL_VERSION,
    identity: { role: identity.role, displayName: identity.name },
    overview,
  });
}
