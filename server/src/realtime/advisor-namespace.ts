import { advisorCommands, PROTOCOL_VERSION } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import type { VerifyToken } from '../auth/token-verifier.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { Participant } from '../chat/conversation-record.ts';
import {
  type AdvisorPool,
  type AdvisorProfile,
  type Availability,
  advisorMember,
} from '../routing/advisor-pool.ts';
import type { Departures } from '../routing/departures.ts';
import { bindCommands } from './commands.ts';
import { requireIdentity, type SocketData } from './handshake.ts';
import { ALL_ADVISORS_ROOM, advisorRoom } from './notifier.ts';

export interface AdvisorNamespaceDeps {
  verify: VerifyToken;
  chat: ChatService;
  pool: AdvisorPool;
  departures: Departures;
  defaultCapacity: number;
  log: FastifyBaseLogger;
}

/** The console's namespace: INPS advisors. */
export function setUpAdvisorNamespace(nsp: Namespace, deps: AdvisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['advisor']));
  nsp.on('connection', (socket: Socket) => {
    onConnection(socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, 'advisor session setup failed');
      socket.disconnect(true);
    });
  });
}

async function onConnection(socket: Socket, deps: AdvisorNamespaceDeps) {
  const { chat, pool, departures, log } = deps;
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
      'chat:typing': ({ conversationId, typing }) => chat.typing(me, conversationId, typing),
      'chat:read': ({ conversationId, seq }) => chat.read(me, conversationId, seq),
      'advisor:availability': async ({ availability }) => {
        await pool.rememberPreference(profile.advisorId, availability);
        return { availability, activeChats: await setAvailability(availability) };
      },
    },
    log,
  );
  const member = advisorMember(profile.advisorId);
  socket.on('disconnect', () => {
    departures.left(member).catch((err: unknown) => log.error({ err }, 'advisor departure failed'));
  });
  await departures.arrived(member);
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
