import { advisorCommands, PROTOCOL_VERSION } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import type { VerifyToken } from '../auth/token-verifier.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { Participant } from '../chat/conversation-record.ts';
import type { AdvisorPool, AdvisorProfile, Availability } from '../routing/advisor-pool.ts';
import { bindCommands } from './commands.ts';
import { requireIdentity, type SocketData } from './handshake.ts';
import { ALL_ADVISORS_ROOM, advisorRoom } from './notifier.ts';

export interface AdvisorNamespaceDeps {
  verify: VerifyToken;
  chat: ChatService;
  pool: AdvisorPool;
  defaultCapacity: number;
  log: FastifyBaseLogger;
}

/** The console's namespace: INPS advisors. */
export function setUpAdvisorNamespace(nsp: Namespace, deps: AdvisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['advisor']));
  nsp.on('connection', (socket: Socket) => {
    onConnection(nsp, socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, 'advisor session setup failed');
      socket.disconnect(true);
    });
  });
}

async function onConnection(nsp: Namespace, socket: Socket, deps: AdvisorNamespaceDeps) {
  const { chat, pool, log } = deps;
  const { identity } = socket.data as SocketData;
  const profile: AdvisorProfile = {
    advisorId: identity.sub,
    name: identity.name,
    capacity: deps.defaultCapacity,
  };
  const me: Participant = { kind: 'advisor', advisorId: profile.advisorId, name: identity.name };

  const setAvailability = async (availability: Availability) => {
    const activeChats = await pool.setAvailability(profile, availability);
    if (availability === 'available') await chat.dispatchAll();
    return activeChats;
  };

  bindCommands(
    socket,
    advisorCommands,
    {
      'chat:send': ({ conversationId, clientMessageId, text }) =>
        chat.send(me, conversationId, clientMessageId, text),
      'chat:history': ({ conversationId, afterSeq, limit }) =>
        chat.history(me, conversationId, afterSeq, limit),
      'chat:close': ({ conversationId }) => chat.close(me, conversationId),
      'advisor:availability': async ({ availability }) => {
        await pool.rememberPreference(profile.advisorId, availability);
        return { availability, activeChats: await setAvailability(availability) };
      },
    },
    log,
  );
  socket.on('disconnect', () => {
    markOfflineIfGone(nsp, profile, pool).catch((err: unknown) =>
      log.error({ err }, 'advisor offline update failed'),
    );
  });
  await socket.join([advisorRoom(profile.advisorId), ALL_ADVISORS_ROOM]);

  const availability = (await pool.preferenceOf(profile.advisorId)) ?? 'available';
  const conversations = await chat.heldBy(profile.advisorId);
  socket.emit('session:ready', {
    protocolVersion: PROTOCOL_VERSION,
    identity: { role: identity.role, displayName: identity.name },
    availability,
    conversations,
  });
  await setAvailability(availability);
}

/** The advisor leaves the pools only when their last tab or device has gone. */
async function markOfflineIfGone(nsp: Namespace, profile: AdvisorProfile, pool: AdvisorPool) {
  const remaining = await nsp.in(advisorRoom(profile.advisorId)).fetchSockets();
  if (remaining.length === 0) await pool.setAvailability(profile, 'offline');
}
