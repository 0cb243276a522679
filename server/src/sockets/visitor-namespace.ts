import {
  type AccessLogEntry,
  audienceOf,
  PROTOCOL_VERSION,
  VISITOR_ROLES,
  visitorCommands,
} from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { VerifyToken } from '../auth/token-verifier.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { Keeps } from '../chat/keeps.ts';
import { orWhenUnreachable, pushClaims } from '../claims/claims-push.ts';
import type { CompanyAccess } from '../claims/company-access.ts';
import type { CompanyClaims } from '../claims/company-claims.ts';
import type { SubjectResolver } from '../claims/conversation-subject.ts';
import { AppError, toWireError } from '../errors/app-error.ts';
import type { Interactions } from '../figures/interactions.ts';
import type { FollowUpService } from '../followups/follow-up-service.ts';
import { snapshotOf } from '../people/visitor.ts';
import { visitorKeyOf } from '../people/visitor-key.ts';
import { type Departures, visitorMember } from '../presence/departures.ts';
import { visitorRoom } from '../realtime/notifier.ts';
import type { VisitorNamespace, VisitorSocket } from '../realtime/typed-sockets.ts';
import type { AdmissionFor } from '../rollout/admission-service.ts';
import type { RolloutPlan } from '../rollout/rollout-plan.ts';
import { type AdmissionWatch, companiesAdmitted, watchAdmissions } from './admission-watch.ts';
import { type ChatSession, chatCommandHandlers } from './chat-commands.ts';
import { type CommandTable, commandTable, type SessionCommands, serveCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { SessionLifetime, type SessionLifetimeDeps } from './session-lifetime.ts';
import { PresenceTracker } from './track-presence.ts';

export interface VisitorNamespaceDeps {
  verify: VerifyToken;
  chat: ChatService;
  departures: Departures;
  followUps: FollowUpService;
  admissionFor: AdmissionFor;
  accessLog: (subject: string) => Promise<AccessLogEntry[]>;
  companies: CompanyAccess;
  companyClaims: CompanyClaims;
  subjectFor: SubjectResolver;
  rollout: RolloutPlan;
  interactions: Interactions;
  /** Closed chats: their rating, and keeping the last one on screen until dismissed. */
  keeps: Keeps;
  lifetime: SessionLifetimeDeps;
  log: FastifyBaseLogger;
}

/** What the widget's commands need of the socket that sends them. */
interface VisitorSession extends ChatSession {
  socket: VisitorSocket;
  visitorKey: string;
  lifetime: SessionLifetime;
}

/** The verified identity now: `auth:refresh` replaces it. */
const identityOf = (session: VisitorSession) => session.socket.data.identity;

/** The widget's namespace: workers, owners, legal representatives and intermediaries. */
export function setUpVisitorNamespace(nsp: VisitorNamespace, deps: VisitorNamespaceDeps) {
  nsp.use(requireIdentity(deps.verify, VISITOR_ROLES));
  const watch = watchAdmissions(nsp, {
    rollout: deps.rollout,
    admissionFor: deps.admissionFor,
    companies: deps.companies,
    claimsOf: (identity) => deps.chat.visitorClaims(identity),
    log: deps.log,
  });
  const commands = commandTable(visitorCommands, visitorHandlers(deps), deps.log);
  nsp.on('connection', (socket) => {
    onConnection(socket, deps, watch, commands).catch((err: unknown) => {
      deps.log.error({ err }, 'visitor session setup failed');
      // A code before the disconnect, so the client knows to come back (SERVICE_UNAVAILABLE).
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

function visitorHandlers(
  deps: VisitorNamespaceDeps,
): SessionCommands<typeof visitorCommands, VisitorSession> {
  const { chat, followUps, admissionFor, accessLog, companyClaims, subjectFor, interactions, keeps } = deps;
  /** Everything a visitor can do needs the rollout to admit them, checked afresh each time. */
  const admitted =
    <P, R>(handler: (session: VisitorSession, payload: P) => Promise<R>) =>
    async (session: VisitorSession, payload: P) => {
      if (!(await admissionFor(identityOf(session))).admitted) throw new AppError('NOT_YET_AVAILABLE');
      return handler(session, payload);
    };
  return {
    'auth:refresh': (session, payload) => session.lifetime.refresh(payload),
    'chat:request': admitted(async (session, { topic, companyCf, applicationId }) => {
      const identity = identityOf(session);
      return chat.requestAdvisor(identity, topic, await subjectFor(identity, { companyCf, applicationId }));
    }),
    'claims:company': admitted((session, { companyCf }) =>
      companyClaims.claimsOf(identityOf(session), companyCf),
    ),
    ...chatCommandHandlers(chat),
    'chat:rate': ({ me }, { conversationId, stars, comment }) =>
      keeps.rate(me, conversationId, stars, comment),
    'chat:dismiss': ({ me }, { conversationId }) => keeps.dismiss(me, conversationId),
    'claims:get': admitted((session) => chat.visitorClaims(identityOf(session))),
    'followup:create': admitted(async (session, { topic, text, conversationId }) => {
      const identity = identityOf(session);
      if (conversationId) await chat.close(session.me, conversationId);
      const queue = audienceOf(identity.role);
      await interactions.followUpLeft(session.visitorKey, queue, identity.role);
      return followUps.leave(snapshotOf(identity), queue, topic, text, conversationId);
    }),
    'privacy:access-log': async (session) => ({ entries: await accessLog(identityOf(session).sub) }),
    'followup:list': async (session) => ({ followUps: await followUps.ofVisitor(identityOf(session).sub) }),
  };
}

/** Commands are served before anything is awaited: a client may send as soon as it connects. */
async function onConnection(
  socket: VisitorSocket,
  deps: VisitorNamespaceDeps,
  watch: AdmissionWatch,
  commands: CommandTable<VisitorSession>,
) {
  const { chat, departures, followUps, admissionFor, companies, rollout, interactions, keeps, log } = deps;
  const { identity } = socket.data;
  const visitorKey = visitorKeyOf(identity.sub);
  const member = visitorMember(visitorKey);
  serveCommands(socket, commands, {
    socket,
    socketId: socket.id,
    visitorKey,
    me: { kind: 'visitor', visitorKey, name: identity.name },
    lifetime: new SessionLifetime(socket, member, deps.lifetime),
  });
  // The socket may close while set-up awaits: its departure then runs once, after the arrival.
  const presence = new PresenceTracker(socket, departures, member, log);
  await presence.arrive();
  if (presence.gone()) return;
  await socket.join(visitorRoom(visitorKey));

  const snapshot = snapshotOf(identity);
  // Independent reads, side by side: the session is ready after the slowest, not after their sum.
  const [admission, session, ownFollowUps, ownCompanies, closedConversation] = await Promise.all([
    admissionFor(identity),
    chat.visitorSession(identity),
    // Without the claims store the session still starts: these come empty, claims come later.
    orWhenUnreachable(followUps.ofVisitor(identity.sub), []),
    orWhenUnreachable(companies.companiesOf(identity), []),
    // Without it the session still starts: the closed chat is simply not shown again.
    keeps.keptOf(visitorKey).catch((err: unknown) => {
      log.warn({ err }, 'closed chat not handed over');
      return null;
    }),
  ]);
  if (presence.gone()) return;
  const companiesNow = companiesAdmitted(rollout, ownCompanies);
  socket.emit('session:ready', {
    protocolVersion: PROTOCOL_VERSION,
    identity: {
      role: snapshot.role,
      displayName: snapshot.displayName,
      audience: audienceOf(identity.role),
      ...(snapshot.province ? { province: snapshot.province } : {}),
      ...(snapshot.companyName ? { companyName: snapshot.companyName } : {}),
    },
    conversation: session.conversation,
    closedConversation,
    admission,
    service: chat.serviceStatus(identity),
    followUps: ownFollowUps,
    companies: companiesNow,
  });
  // A rollout change from now on is compared with what this session was told.
  watch.told(socket, { admission, companies: companiesNow });
  if (admission.admitted) {
    await Promise.all([
      pushClaims(socket, () => chat.visitorClaims(identity), log),
      orWhenUnreachable(
        interactions.visited(visitorKey, audienceOf(identity.role), identity.role),
        undefined,
      ),
    ]);
  }
}
