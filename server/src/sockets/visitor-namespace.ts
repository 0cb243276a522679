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
import type { Participant } from '../chat/conversation-record.ts';
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
import { chatCommandHandlers } from './chat-commands.ts';
import { bindCommands } from './commands.ts';
import { requireIdentity } from './handshake.ts';
import { type SessionLifetimeDeps, startSessionLifetime } from './session-lifetime.ts';
import { trackPresence } from './track-presence.ts';

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
  nsp.on('connection', (socket) => {
    onConnection(socket, deps, watch).catch((err: unknown) => {
      deps.log.error({ err }, 'visitor session setup failed');
      // A code before the disconnect, so the client knows to come back (SERVICE_UNAVAILABLE).
      if (socket.connected) socket.emit('session:error', toWireError(err));
      socket.disconnect(true);
    });
  });
}

/** Commands are bound before anything is awaited: a client may send as soon as it connects. */
async function onConnection(socket: VisitorSocket, deps: VisitorNamespaceDeps, watch: AdmissionWatch) {
  const {
    chat,
    departures,
    followUps,
    admissionFor,
    accessLog,
    companies,
    companyClaims,
    subjectFor,
    rollout,
    interactions,
    keeps,
    log,
  } = deps;
  const { identity } = socket.data;
  /** Everything a visitor can do needs the rollout to admit them, checked afresh each time. */
  const admitted =
    <P, R>(handler: (payload: P) => Promise<R>) =>
    async (payload: P) => {
      if (!(await admissionFor(identity)).admitted) throw new AppError('NOT_YET_AVAILABLE');
      return handler(payload);
    };
  const visitorKey = visitorKeyOf(identity.sub);
  const me: Participant = { kind: 'visitor', visitorKey, name: identity.name };
  const member = visitorMember(visitorKey);
  const lifetime = startSessionLifetime(socket, member, deps.lifetime);
  bindCommands(
    socket,
    visitorCommands,
    {
      'auth:refresh': lifetime.refresh,
      'chat:request': admitted(async ({ topic, companyCf, applicationId }) =>
        chat.requestAdvisor(identity, topic, await subjectFor(identity, { companyCf, applicationId })),
      ),
      'claims:company': admitted(({ companyCf }) => companyClaims.claimsOf(identity, companyCf)),
      ...chatCommandHandlers(chat, me, socket.id),
      'chat:rate': ({ conversationId, stars, comment }) => keeps.rate(me, conversationId, stars, comment),
      'chat:dismiss': ({ conversationId }) => keeps.dismiss(me, conversationId),
      'claims:get': admitted(() => chat.visitorClaims(identity)),
      'followup:create': admitted(async ({ topic, text, conversationId }) => {
        if (conversationId) await chat.close(me, conversationId);
        const queue = audienceOf(identity.role);
        await interactions.followUpLeft(visitorKey, queue, identity.role);
        return followUps.leave(snapshotOf(identity), queue, topic, text, conversationId);
      }),
      'privacy:access-log': async () => ({ entries: await accessLog(identity.sub) }),
      'followup:list': async () => ({ followUps: await followUps.ofVisitor(identity.sub) }),
    },
    log,
  );
  // The socket may close while set-up awaits: its departure then runs once, after the arrival.
  const presence = trackPresence(socket, departures, member, log);
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
