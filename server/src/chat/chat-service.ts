import { AUDIENCES, type Audience, audienceOf, type CaseOutcome, type SystemNotice } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { AccessAudit } from '../audit/access-audit.ts';
import type { ClaimsReader } from '../claims/claims-reader.ts';
import { AppError } from '../errors/app-error.ts';
import { isOpen, nextOpening, type ServiceHours } from '../hours/service-hours.ts';
import type { VisitorIdentity } from '../people/identity.ts';
import { type ConversationSubject, snapshotOf } from '../people/visitor.ts';
import { visitorKeyOf } from '../people/visitor-key.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { AdvisorPool } from '../routing/advisor-pool.ts';
import type { QueueView } from '../routing/queue-view.ts';
import { createAdvisorDirectory } from './advisor-directory.ts';
import { createAnnouncer } from './announcer.ts';
import type { ClosedConversations } from './closed-conversation.ts';
import { createConversationAccess } from './conversation-access.ts';
import {
  type ConversationRecord,
  heldAdvisorOf,
  isParticipant,
  type Participant,
} from './conversation-record.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandovers } from './handovers.ts';
import { createListenerCalls } from './listener-calls.ts';
import { plainNotice } from './plain-notice.ts';
import { createPositionPusher } from './position-pusher.ts';
import type { Unannounced } from './unannounced.ts';
import { visitorView } from './visitor-views.ts';

export interface ChatServiceDeps {
  serviceHours: Record<Audience, ServiceHours>;
  conversations: ConversationRepository;
  /** Closed conversations, once they have left Redis. */
  archive: ClosedConversations;
  pool: AdvisorPool;
  queues: QueueView;
  claims: ClaimsReader;
  audit: AccessAudit;
  notifier: Notifier;
  unannounced: Unannounced;
  log: FastifyBaseLogger;
}

const SERVICE_NAME = 'Info CIG';

/** A chat that just closed, as listeners (metrics) see it. */
export interface ClosedChat {
  conversationId: string;
  queue: Audience;
  closedBy: Participant['kind'] | 'system';
  /** Closed while still in the queue (the visitor left or gave up waiting). */
  wasWaiting: boolean;
  /** How the case ended, when its advisor closed it. */
  outcome?: CaseOutcome;
}

const otherSide = (who: Participant) => (who.kind === 'visitor' ? 'advisor' : 'visitor');

/** The conversation lifecycle: open and queue, hand to advisors, carry messages, close. */
export function createChatService(deps: ChatServiceDeps) {
  const { conversations, pool, queues, notifier, log } = deps;
  const positions = createPositionPusher(queues, notifier, log);
  const { assignedView, participantOf, transcript, closedOf } = createConversationAccess(deps);
  const announcer = createAnnouncer({ ...deps, assignedView });
  const { announce } = announcer;
  const queuedListeners: ((record: ConversationRecord) => Promise<void>)[] = [];
  const firstResponseListeners: ((conversationId: string, at: number, openedAt: number) => Promise<void>)[] =
    [];
  const closedListeners: ((closed: ClosedChat) => Promise<void>)[] = [];
  const messageListeners: ((author: Participant['kind'] | 'system') => void)[] = [];

  const { tell, notify } = createListenerCalls(log);

  const directory = createAdvisorDirectory(pool);

  async function visitorConversation(record: ConversationRecord) {
    const place = record.status === 'queued' ? await queues.place(record.queue, record.id) : null;
    const advisorName = record.advisorId ? await pool.nameOf(record.advisorId) : null;
    return visitorView(record, place, advisorName);
  }

  /** Pushes a message or signal to both participants of a conversation. */
  function toParticipants(
    record: Pick<ConversationRecord, 'visitorKey' | 'advisorId'>,
    push: Parameters<Notifier['toBoth']>[2],
    except?: string,
  ) {
    notifier.toBoth(record.visitorKey, record.advisorId, push, except);
  }

  /** Hands out waiting chats while advisors have free slots; safe to run in any process. */
  async function dispatch(queue: Audience): Promise<void> {
    let assigned = 0;
    for (let next = await pool.handOut(queue); next; next = await pool.handOut(queue)) {
      assigned++;
      const { conversationId, advisorId } = next.assignment;
      // The conversation's copy and the announcement (which reads the store) follow off the loop:
      // the next chat is handed out after one round trip, whatever the load.
      dispatcher.track(
        next.synced
          .then(() => announce(conversationId, advisorId))
          .catch((err: unknown) =>
            log.warn({ err, conversationId }, 'assignment announcement failed: the sweep retries it'),
          ),
      );
    }
    if (assigned > 0) positions.changed(queue);
  }

  const dispatcher = createDispatcher(dispatch, log);

  async function notice(conversationId: string, clientMessageId: string, notice: SystemNotice) {
    const { message, recipients, duplicate } = await conversations.append(
      conversationId,
      { kind: 'system', name: SERVICE_NAME, notice },
      clientMessageId,
      plainNotice(notice),
    );
    if (recipients) toParticipants(recipients, { event: 'chat:message', payload: message });
    if (!duplicate) tell(messageListeners, 'system');
  }

  const handovers = createHandovers({
    conversations,
    pool,
    notifier,
    positions,
    dispatcher,
    participantOf,
    assignedView,
    notice,
    log,
  });

  async function closeConversation(
    conversationId: string,
    closedBy: Participant['kind'] | 'system',
    reason?: 'visitor_left' | 'inactive',
    outcome?: CaseOutcome,
  ) {
    const closed = await conversations.close(conversationId, closedBy, outcome);
    if (!closed || closed.previousStatus === 'closed') return;
    notifier.toBoth(closed.visitorKey, closed.advisorId, {
      event: 'chat:closed',
      payload: { conversationId, closedBy, ...(reason ? { reason } : {}) },
    });
    log.info({ conversationId, closedBy, reason }, 'chat closed');
    const wasWaiting = closed.previousStatus === 'queued';
    dispatcher.track(
      notify(closedListeners, {
        conversationId,
        queue: closed.queue,
        closedBy,
        wasWaiting,
        ...(outcome ? { outcome } : {}),
      }),
    );
    if (closed.previousStatus === 'queued') positions.changed(closed.queue);
    else dispatcher.kickAll();
  }

  return {
    /** Starts handing out waiting chats of a queue (or of every queue) without waiting for it. */
    dispatch: dispatcher.kick,
    dispatchAll: dispatcher.kickAll,

    /**
     * Advisors came, went, paused or changed queues: waiting visitors get their estimate again
     * (coalesced, at most once a second per queue).
     */
    staffingChanged(served: readonly Audience[] = AUDIENCES) {
      for (const queue of served) positions.changed(queue);
    },

    /** Runs after an assignment is announced (`required`: part of the announcement; see announcer.ts). */
    onAssigned: announcer.onAssigned,
    /** Announces again the hand-outs whose announcement did not finish (a periodic job). */
    announceOverdue: announcer.announceOverdue,

    /** Runs after a visitor's chat joins a queue (the follow-up offer is timed from here). */
    onQueued(listener: (record: ConversationRecord) => Promise<void>) {
      queuedListeners.push(listener);
    },

    /** Runs after an advisor's first reply in a conversation (first-response times are taken here). */
    onFirstResponse(listener: (conversationId: string, at: number, openedAt: number) => Promise<void>) {
      firstResponseListeners.push(listener);
    },

    /** Runs after a chat closes (its timers are removed and its close is counted here). */
    onClosed(listener: (closed: ClosedChat) => Promise<void>) {
      closedListeners.push(listener);
    },

    /** Runs after each message is stored (not for a resent duplicate), for counting (synchronous). */
    onMessage(listener: (author: Participant['kind'] | 'system') => void) {
      messageListeners.push(listener);
    },

    /**
     * A notice from the service itself, written into the conversation for both sides as data that
     * each app words; its text is a plain wording for the transcript and older clients.
     */
    notice,

    /** The visitor's open conversation, if any. */
    activeIdOf: (visitorKey: string) => conversations.activeIdOf(visitorKey),

    async visitorSession(identity: VisitorIdentity) {
      const activeId = await conversations.activeIdOf(visitorKeyOf(identity.sub));
      const record = activeId ? await conversations.get(activeId) : null;
      return { conversation: record ? await visitorConversation(record) : null };
    },

    async visitorClaims(identity: VisitorIdentity) {
      return {
        claims: await deps.claims.visibleTo(snapshotOf(identity)),
        asOf: new Date().toISOString(),
      };
    },

    /** Whether the visitor's queue is staffed now, and when it opens if not. */
    serviceStatus(identity: VisitorIdentity) {
      const hours = deps.serviceHours[audienceOf(identity.role)];
      const now = new Date();
      const opensAt = isOpen(hours, now) ? null : nextOpening(hours, now);
      return { open: opensAt === null, hours: hours.spec, opensAt: opensAt?.toISOString() ?? null };
    },

    async requestAdvisor(identity: VisitorIdentity, topic: string, subject: ConversationSubject = {}) {
      const queue = audienceOf(identity.role);
      if (!isOpen(deps.serviceHours[queue], new Date())) throw new AppError('SERVICE_CLOSED');
      const visitorKey = visitorKeyOf(identity.sub);
      const { id, created } = await conversations.open(
        visitorKey,
        snapshotOf(identity),
        queue,
        topic,
        subject,
      );
      if (created) {
        log.info({ conversationId: id, queue }, 'chat queued');
        // The visitor's ack waits neither for the hand-out nor for timers and figures.
        dispatcher.kick(queue);
        positions.changed(queue);
      }
      const record = await conversations.get(id);
      if (!record) throw new Error(`conversation ${id} vanished after opening`);
      if (created) dispatcher.track(notify(queuedListeners, record));
      return { conversation: await visitorConversation(record) };
    },

    /**
     * `fromSocket`: the sending socket, which learns the message's seq from the ack and is not
     * pushed it again (the author's other sockets are).
     */
    async send(
      who: Participant,
      conversationId: string,
      clientMessageId: string,
      text: string,
      fromSocket?: string,
    ) {
      const { message, duplicate, recipients, firstResponse } = await conversations
        .append(conversationId, await directory.authorOf(who), clientMessageId, text)
        .catch(async (error: unknown) => {
          // Records an advisor's attempt on someone else's conversation, then refuses it; a chat
          // that has closed and moved to the archive is refused as closed, as before it moved.
          if (error instanceof AppError && error.code === 'CONVERSATION_FORBIDDEN')
            await participantOf(conversationId, who);
          if (error instanceof AppError && error.code === 'CONVERSATION_NOT_FOUND') {
            const record = await participantOf(conversationId, who);
            if (record.status === 'closed') throw new AppError('CONVERSATION_CLOSED');
          }
          throw error;
        });
      if (recipients) toParticipants(recipients, { event: 'chat:message', payload: message }, fromSocket);
      if (!duplicate) tell(messageListeners, who.kind);
      if (firstResponse) {
        const at = Date.parse(message.sentAt);
        dispatcher.track(notify(firstResponseListeners, conversationId, at, firstResponse.openedAt));
      }
      return { seq: message.seq, sentAt: message.sentAt, duplicate };
    },

    history: transcript,

    /** A closed conversation of `who`'s, with when it closed (CONVERSATION_OPEN while open). */
    closedOf,

    async typing(who: Participant, conversationId: string, typing: boolean) {
      const record = await participantOf(conversationId, who);
      const signal = { conversationId, author: who.kind, typing };
      const advisorId = heldAdvisorOf(record);
      if (who.kind === 'visitor' && advisorId) notifier.toAdvisor(advisorId, 'chat:typing', signal);
      if (who.kind === 'advisor') notifier.toVisitor(record.visitorKey, 'chat:typing', signal);
      return {};
    },

    async read(who: Participant, conversationId: string, seq: number) {
      const record = await participantOf(conversationId, who);
      const before = record.readUpTo[who.kind];
      // Nobody is waiting for a receipt once it has closed (and it may have left Redis).
      if (record.status === 'closed') return { seq: before };
      const mark = await conversations.markRead(conversationId, who, seq);
      if (mark > before) {
        const receipt = { conversationId, reader: who.kind, seq: mark };
        const advisorId = heldAdvisorOf(record);
        if (otherSide(who) === 'advisor' && advisorId) notifier.toAdvisor(advisorId, 'chat:read', receipt);
        if (otherSide(who) === 'visitor') notifier.toVisitor(record.visitorKey, 'chat:read', receipt);
      }
      return { seq: mark };
    },

    /** Closes a chat; an advisor says how the case ended (`outcome`, required by their contract). */
    async close(who: Participant, conversationId: string, outcome?: CaseOutcome) {
      await participantOf(conversationId, who);
      await closeConversation(conversationId, who.kind, undefined, outcome);
      return {};
    },

    /** The system closes a chat: its visitor left, or it went quiet. */
    closeAsSystem(conversationId: string, reason: 'visitor_left' | 'inactive') {
      return closeConversation(conversationId, 'system', reason);
    },

    returnChatsOf: handovers.returnChatsOf,

    async heldBy(advisorId: string) {
      const ids = await pool.conversationsOf(advisorId);
      const records = await Promise.all(ids.map((id) => conversations.get(id)));
      const me = { kind: 'advisor', advisorId, name: '' } as const;
      const held = records.filter((r): r is ConversationRecord => r !== null && isParticipant(r, me));
      return Promise.all(held.map((record) => assignedView(record, advisorId)));
    },

    transfer: handovers.transfer,

    /** An internal note on a chat the advisor holds, for colleagues who receive it later. */
    async note(who: Participant & { kind: 'advisor' }, conversationId: string, text: string) {
      await participantOf(conversationId, who);
      const note = { authorName: who.name, text, at: new Date().toISOString() };
      await conversations.addNote(conversationId, note);
      return { note };
    },

    /** The advisor's own opaque id, as on their messages. */
    publicIdOf: directory.publicIdOf,

    /** The conversation, if `who` takes part in it now; a refused advisor's attempt is audited. */
    participantOf,

    colleagues: directory.colleagues,

    /** What a supervisor sees of a queue: how many wait, for how long, and the pace. */
    async queueSummary(queue: Audience) {
      const [waiting, head] = await Promise.all([queues.waitingCount(queue), queues.head(queue, 1)]);
      const oldest = head[0] ? await conversations.get(head[0].conversationId) : null;
      return {
        queue,
        waiting,
        oldestWaitingSeconds: oldest ? Math.round((Date.now() - oldest.openedAt) / 1000) : null,
        estimatedWaitSecondsForNext: head[0]?.estimatedWaitSeconds ?? null,
      };
    },

    /** Stops pending position pushes and lets running hand-outs finish (shutdown). */
    async stop() {
      positions.stop();
      await dispatcher.settled();
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
