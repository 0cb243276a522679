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
import { type ChatSession, chatCommandHandlers } from './chat-commands.ts';
import { type CommandTable, commandTable, type SessionCommands, serveCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { SessionLifetime, type SessionLifetimeDeps } from './session-lifetime.ts';
import { PresenceTracker } from './track-presence.ts';

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

/** What the console's commands need of the socket that sends them. */
interface AdvisorSession extends ChatSession {
  me: Participant & { kind: 'advisor' };
  advisorId: string;
  /** The advisor as staff: who answers follow-ups and referrals, and their office. */
  staff: { cf: string; name: string; office: string | undefined };
  /** The advisor's profile in the pool, which some commands wait for. */
  registered: Promise<void>;
  lifetime: SessionLifetime;
}

/** The console's namespace: INPS advisors. */
export function setUpAdvisorNamespace(nsp: AdvisorNamespace, deps: AdvisorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, ['advisor']));
  const commands = commandTable(advisorCommands, advisorHandlers(deps), deps.log);
  nsp.on('connection', (socket) => {
    onConnection(socket, deps, commands).catch((err: unknown) => {
      deps.log.error({ err }, 'advisor session setup failed');
      // A code before the disconnect, so the console knows to come back (SERVICE_UNAVAILABLE).
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

function advisorHandlers(
  deps: AdvisorNamespaceDeps,
): SessionCommands<typeof advisorCommands, AdvisorSession> {
  const { chat, pool, followUps, referrals, canned } = deps;
  const servedQueues = async ({ advisorId, registered }: AdvisorSession) => {
    await registered;
    return (await pool.state(advisorId))?.queues ?? [];
  };
  return {
    'auth:refresh': (session, payload) => session.lifetime.refresh(payload),
    ...chatCommandHandlers(chat),
    // The advisor's close says how the case ended (its contract requires it).
    'chat:close': ({ me }, { conversationId, outcome }) => chat.close(me, conversationId, outcome),
    'advisor:availability': async ({ advisorId }, { availability }) => {
      await pool.rememberPreference(advisorId, availability);
      const state = await changeAdvisor(deps, advisorId, { availability });
      return { availability, activeChats: state.load };
    },
    'chat:transfer': ({ me }, { conversationId, to, note }) => chat.transfer(me, conversationId, to, note),
    'chat:note': ({ me }, { conversationId, text }) => chat.note(me, conversationId, text),
    'canned:list': async ({ advisorId }) => ({ replies: await canned.forAdvisor(advisorId) }),
    'canned:save': ({ advisorId }, draft) => canned.saveOwn(advisorId, draft),
    'canned:delete': ({ advisorId }, { id }) => canned.deleteOwn(advisorId, id),
    'advisors:list': ({ advisorId }) => chat.colleagues(advisorId),
    'followup:list': async (session) => followUps.openFor(session.staff, await servedQueues(session)),
    'followup:answer': async (session, { id, text }) =>
      followUps.answer(session.staff, await servedQueues(session), id, text),
    'referral:open': ({ staff }, { conversationId, applicationId, question }) =>
      referrals.open(staff, conversationId, applicationId, question),
    'referral:list': ({ staff }) => referrals.ofOffice(staff),
    'referral:take': ({ staff }, { id }) => referrals.take(staff, id),
    'referral:answer': ({ staff }, { id, text }) => referrals.answer(staff, id, text),
    'advisor:settings': async ({ advisorId }, { queues, capacity }) =>
      profileOf(await changeAdvisor(deps, advisorId, { queues, capacity })),
  };
}

async function onConnection(
  socket: AdvisorSocket,
  deps: AdvisorNamespaceDeps,
  commands: CommandTable<AdvisorSession>,
) {
  const { chat, pool, departures, log } = deps;
  const { identity } = socket.data;
  const advisorId = identity.sub;
  const member = advisorMember(advisorId);
  // Assignment needs a valid token among the advisor's sessions: recorded before any hand-out.
  const lifetime = new SessionLifetime(socket, member, deps.lifetime);

  // Registering starts at once, and commands that need the advisor's profile wait for it.
  const registered = pool.register(advisorId, identity.name, deps.defaultCapacity);
  // Handled here so that a failure before anyone awaits it cannot take the process down.
  registered.catch(() => {});
  serveCommands(socket, commands, {
    socketId: socket.id,
    me: { kind: 'advisor', advisorId, name: identity.name },
    advisorId,
    staff: { cf: advisorId, name: identity.name, office: identity.office },
    registered,
    lifetime,
  });
  // The socket may close while set-up awaits: its departure then runs once, after the arrival.
  const presence = new PresenceTracker(socket, departures, member, log);
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
