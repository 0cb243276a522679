import type { EncodedHistograms } from './histogram.ts';

/** Which server the generators talk to: infocig itself, or the bare Socket.IO relay. */
export type Target = 'infocig' | 'relay';

/** A visitor to play: a seeded worker (real claims) or a synthetic one. */
export interface Person {
  sub: string;
  name: string;
  province: string;
  /** Relay only: the conversation the visitor's socket is paired into, and with whom. */
  relay?: { conversationId: string; advisorId: string };
}

export interface AdvisorSpec {
  sub: string;
  name: string;
  /** Relay only: the conversations this advisor holds from the start. */
  relayConversations?: string[];
}

/**
 * How conversations behave once they are active:
 * - `stream`: open loop, the conversations on `target` send `ratePerSecond` in all until told
 *   otherwise (the other target's conversations stay quiet);
 * - `script`: a conversation of `messagesPerChat` alternating messages, each after `thinkMs`,
 *   then the visitor closes it and leaves;
 * - `quiet`: nobody writes.
 */
export type Behaviour =
  | { kind: 'stream'; ratePerSecond: number; target: Target }
  | { kind: 'script'; messagesPerChat: number; thinkMs: number }
  | { kind: 'quiet' };

/** Parent to generator. Every command is answered once with a `Reply` carrying its `id`. */
export type Command = { id: number } & (
  | {
      kind: 'init';
      genId: number;
      localAddress: string;
      privateKeyPem: string;
      issuer: string;
      audience: string;
    }
  | {
      kind: 'visitors';
      target: Target;
      /** Server processes; person i goes to urls[i % urls.length]. */
      urls: string[];
      people: Person[];
      /** Connections opened at once (ramp), or arrivals per second when `perSecond` is set. */
      concurrency: number;
      perSecond?: number;
      /** Ask for an advisor once connected. */
      chat: boolean;
      /** Count a connection as made only once its session is set up (claims answered). */
      settled?: boolean;
    }
  | { kind: 'advisors'; target: Target; urls: string[]; advisors: AdvisorSpec[]; capacity: number }
  | { kind: 'behaviour'; behaviour: Behaviour }
  | { kind: 'reset' }
  | { kind: 'collect'; ledger: boolean }
  | { kind: 'counters' }
  | { kind: 'close-chats' }
  | { kind: 'disconnect'; who: 'visitors' | 'advisors' }
  | { kind: 'claims-load'; perSecond: number; durationMs: number }
  /** One visitor who opens a chat and then sends `perSecond` messages for `durationMs`; replies with a FloodReport in `note`. */
  | { kind: 'flood'; url: string; person: Person; perSecond: number; durationMs: number }
  | { kind: 'exit' }
);

/** One conversation as seen from this generator: [id, visitor sent, advisor sent, advisor got, visitor got, dups]. */
export type LedgerRow = [string, number, number, number, number, number];

export interface Counters {
  visitorsConnected: number;
  advisorsConnected: number;
  connectFailures: number;
  chatsRequested: number;
  chatsAssigned: number;
  /** `chat:assigned` pushes advisors received. */
  advisorAssignments: number;
  chatsCompleted: number;
  /** Scripted chats that ended one way or another: completed, stalled, or their close refused. */
  chatsEnded: number;
  chatsStalled: number;
  messagesSent: number;
  messagesReceived: number;
  sendErrors: number;
  commandErrors: number;
  positionUpdates: number;
  maxPosition: number;
  /** A message that reached an advisor before that advisor's `chat:assigned` for its conversation. */
  messagesBeforeAssignment: number;
  /** When (epoch ms) the last message reached the other side. */
  lastDeliveryAt: number;
  claimsAnswers: number;
  claimsReturned: number;
  inflight: number;
}

export interface Snapshot {
  counters: Counters;
  histograms: EncodedHistograms;
  ledger: LedgerRow[];
  /** Wall-clock ms of each completed chat, for a sustained rate over a window. */
  completions: number[];
  /** Failed commands by what failed (event and error code). */
  errors: Record<string, number>;
}

/** What the flooding socket saw: how many of its sends were accepted, limited, or failed otherwise. */
export interface FloodReport {
  sent: number;
  accepted: number;
  limited: number;
  otherErrors: number;
  unanswered: number;
  disconnected: boolean;
}

export type Reply =
  | { kind: 'reply'; id: number; ok: true; snapshot?: Snapshot; counters?: Counters; note?: string }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** Sent by each generator every second, unasked. */
export interface ProgressReport {
  kind: 'progress';
  genId: number;
  counters: Counters;
}

export type GeneratorMessage = Reply | ProgressReport;

export function emptyCounters(): Counters {
  return {
    visitorsConnected: 0,
    advisorsConnected: 0,
    connectFailures: 0,
    chatsRequested: 0,
    chatsAssigned: 0,
    advisorAssignments: 0,
    chatsCompleted: 0,
    chatsEnded: 0,
    chatsStalled: 0,
    messagesSent: 0,
    messagesReceived: 0,
    sendErrors: 0,
    commandErrors: 0,
    positionUpdates: 0,
    maxPosition: 0,
    messagesBeforeAssignment: 0,
    lastDeliveryAt: 0,
    claimsAnswers: 0,
    claimsReturned: 0,
    inflight: 0,
  };
}
