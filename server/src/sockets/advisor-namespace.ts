import { advisorCommands, PROTOCOL_VERSION } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { VerifyToken } from '../auth/token-verifier.ts';
import type { CannedReplies } from '../canned/canned-replies.ts';
import { changeAdvisor, profileOf } from '../chat/advisor-changes.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { Participant } from '../chat/conversation-record.ts';
import { toWireError } from '../errors/app-error.ts';
import type { FollowUpService } from '../followups/follow-up-service.ts';
import type { ReferralService } from '../followups/referral-service.ts';
import type { Departures } from '../presence/departures.ts';
import { ALL_ADVISORS_ROOM, advisorRoom, type Notifier } from '../realtime/notifier.ts';
import type { AdvisorNamespace, AdvisorSocket } from '../realtime/typed-sockets.ts';
import { type AdvisorPool, advisorMember } from '../routing/advisor-pool.ts';
import { chatCommandHandlers } from './chat-commands.ts';
import { bindCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { type SessionLifetimeDeps, startSessionLifetime } from './session-lifetime.ts';
import { trackPresence } from './track-presence.ts';

export interface AdvisorNamespaceDeps {
  verify: VerifyToken;
  chat: ChatService;
  pool: AdvisorPool;
  departures: Departures;
  followUps: FollowUpService;
  referrals: ReferralService;
  canned: CannedReplies;
  notifier: Notifier;
  defaultCapacity: number;
  lifetime: SessionLifetimeDeps;
  log: FastifyBaseLogger;
}

/** The console's namespace: INPS advisors. */
export function setUpAdvisorNamespace(nsp: AdvisorNamespace, deps: AdvisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['advisor']));
  nsp.on('connection', (socket) => {
    onConnection(socket, deps).catch((err: unknown) => {
      deps.log.error({ err }, 'advisor session setup failed');
      // A code before the disconnect, so the console knows to come back (SERVICE_UNAVAILABLE).
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

async function onConnection(socket: AdvisorSocket, deps: AdvisorNamespaceDeps) {
  const { chat, pool, departures, log } = deps;
  const { identity } = socket.data;
  const advisorId = identity.sub;
  const me: Participant & { kind: 'advisor' } = { kind: 'advisor', advisorId, name: identity.name };
  const member = advisorMember(advisorId);
  // Assignment needs a valid token among the advisor's sessions: recorded before any hand-out.
  const lifetime = startSessionLifetime(socket, member, deps.lifetime);

  // Registering starts at once, and commands that need the advisor's profile wait for it.
  const registered = pool.register(advisorId, identity.name, deps.defaultCapacity);
  // Handled here so that a failure before anyone awaits it cannot take the process down.
  registered.catch(() => {});
  const staff = { cf: advisorId, name: identity.name, office: identity.office };
  const servedQueues = async () => {
    await registered;
    return (await pool.state(advisorId))?.queues ?? [];
  };
  bindCommands(
    socket,
    advisorCommands,
    {
      'auth:refresh': lifetime.refresh,
      ...chatCommandHandlers(chat, me, socket.id),
      // The advisor's close says how the case ended (its contract requires it).
      'chat:close': ({ conversationId, outcome }) => chat.close(me, conversationId, outcome),
      'advisor:availability': async ({ availability }) => {
        await pool.rememberPreference(advisorId, availability);
        const state = await changeAdvisor(deps, advisorId, { availability });
        return { availability, activeChats: state.load };
      },
      'chat:transfer': ({ conversationId, to, note }) => chat.transfer(me, conversationId, to, note),
      'chat:note': ({ conversationId, text }) => chat.note(me, conversationId, text),
      'canned:list': async () => ({ replies: await deps.canned.forAdvisor(advisorId) }),
      'canned:save': (draft) => deps.canned.saveOwn(advisorId, draft),
      'canned:delete': ({ id }) => deps.canned.deleteOwn(advisorId, id),
      'advisors:list': () => chat.colleagues(advisorId),
      'followup:list': async () =>
        deps.followUps.openFor({ cf: advisorId, name: identity.name }, await servedQueues()),
      'followup:answer': async ({ id, text }) =>
        deps.followUps.answer({ cf: advisorId, name: identity.name }, await servedQueues(), id, text),
      'referral:open': ({ conversationId, applicationId, question }) =>
        deps.referrals.open(staff, conversationId, applicationId, question),
      'referral:list': () => deps.referrals.ofOffice(staff),
      'referral:take': ({ id }) => deps.referrals.take(staff, id),
      'referral:answer': ({ id, text }) => deps.referrals.answer(staff, id, text),
      'advisor:settings': async ({ queues, capacity }) =>
        profileOf(await changeAdvisor(deps, advisorId, { queues, capacity })),
    },
    log,
  );
  // The socket may close while set-up awaits: its departure then runs once, after the arrival.
  const presence = trackPresence(socket, departures, member, log);
  await presence.arrive();
  if (presence.gone()) return;
  await socket.join([advisorRoom(advisorId), ALL_ADVISORS_ROOM]);

  await Promise.all([registered, lifetime.opened]);
  const availability = (await pool.preferenceOf(advisorId)) ?? 'available';
  if (presence.gone()) return;
  const [conversations, publicId, office] = await Promise.all([
    chat.heldBy(advisorId),
    chat.publicIdOf(advisorId),
    officeOf(deps.referrals, identity.office),
  ]);
  if (presence.gone()) return;
  const state = await pool.update(advisorId, { availability });
  // The departure's takeOffline may have run before this update: it runs again once it is over.
  if (presence.gone()) return presence.settle(() => pool.takeOffline(advisorId));
  socket.emit('session:ready', {
    protocolVersion: PROTOCOL_VERSION,
    identity: { role: identity.role, displayName: identity.name },
    advisorId: publicId,
    office,
    availability,
    profile: profileOf(state),
    conversations,
  });
  if (availability === 'available') chat.dispatchAll();
  // Waiting visitors' estimates count the advisors serving their queue now.
  chat.staffingChanged();
}

/** The office the advisor's identity names, with its name (the code alone if the store lacks it). */
async function officeOf(referrals: ReferralService, code: string | undefined) {
  if (!code) return null;
  return { code, name: (await referrals.officeName(code)) ?? code };
}
