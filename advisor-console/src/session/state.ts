import type {
  AdvisorAvailability,
  AdvisorFollowUp,
  AdvisorProfile,
  AdvisorServerEvents,
  AssignedConversation,
  Audience,
  advisorCommands,
  CannedReply,
  ChatMessage,
  CommandResult,
  Referral,
} from '@infocig/shared';
import {
  type ConnectionAnnouncement,
  initialSessionState,
  type SessionState,
  type UiError,
  type UiMessage,
} from '@infocig/shared/client';

export type Push<K extends keyof AdvisorServerEvents> = Parameters<AdvisorServerEvents[K]>[0];
export type Result<K extends keyof typeof advisorCommands> = CommandResult<typeof advisorCommands, K>;
export type ClosedBy = Push<'chat:closed'>['closedBy'];
export type CloseReason = NonNullable<Push<'chat:closed'>['reason']>;
export type ReleaseReason = Push<'chat:released'>['reason'];
export type Colleague = Result<'advisors:list'>['advisors'][number];

/** What the live region reads out, besides the connection's drops and returns; worded by `Announcements`. */
export type AdvisorAnnouncement =
  | { kind: 'assigned'; visitorName: string }
  | { kind: 'message'; visitorName: string; text: string }
  | { kind: 'notice'; visitorName: string; text: string }
  | { kind: 'closed'; visitorName: string; closedBy: ClosedBy; reason: CloseReason | null }
  /** `no_longer_held`: found at a reconnect, the chat ended or moved on while we were away. */
  | { kind: 'released'; visitorName: string; reason: ReleaseReason | 'no_longer_held' }
  | { kind: 'availability'; availability: AdvisorAvailability }
  | { kind: 'profile'; queues: Audience[]; capacity: number }
  | { kind: 'followup-answered'; visitorName: string }
  | { kind: 'referral-opened'; office: string }
  | { kind: 'referral-answered'; visitorName: string }
  | { kind: 'staff'; from: string; text: string };

export type Announcement = AdvisorAnnouncement | ConnectionAnnouncement;

/** One chat the advisor holds (or held: closed ones stay until dismissed). */
export interface ChatEntry {
  conversation: Omit<AssignedConversation, 'messages'>;
  messages: UiMessage[];
  unread: number;
  closedBy: ClosedBy | null;
  closeReason: CloseReason | null;
  /** Until when the visitor shows as typing (epoch ms); `null` when not. */
  typingUntil: number | null;
}

export interface ConsoleState extends SessionState<Announcement> {
  /** This advisor's opaque id, as on their messages (`authorId`); from `session:ready`. */
  selfId: string | null;
  availability: AdvisorAvailability | null;
  /** Queues served and capacity, from `session:ready`, `advisor:profile` and `advisor:settings`. */
  profile: AdvisorProfile | null;
  settingsError: UiError | null;
  queueStats: Partial<Record<Audience, number>>;
  chats: ChatEntry[];
  /**
   * Messages of chats not shown yet: the visitor hears of an assignment before the advisor's view
   * (an audited read) arrives, and may write in between. Merged when the chat arrives.
   */
  early: ChatMessage[];
  selectedId: string | null;
  /** Colleagues to transfer to, as last listed; `null` until asked. */
  colleagues: Colleague[] | null;
  /** Open follow-ups of the queues served; `null` until the advisor asks (each listing is audited). */
  followUps: { list: AdvisorFollowUp[]; error: UiError | null } | null;
  /** The INPS office this staff member works at, from `session:ready`; null for other advisors. */
  office: { code: string; name: string } | null;
  /** The office's unanswered referrals; `null` until asked (each listing is audited). */
  referrals: { list: Referral[]; error: UiError | null } | null;
  /** Chats this advisor referred to an office in this session: conversation id → office name. */
  referredTo: Record<string, string>;
  /** Canned replies (the shared set and the advisor's own), as last listed; `null` until then. */
  canned: CannedReply[] | null;
  /** A supervisor's newest announcement, shown until dismissed. */
  staffNotice: Push<'staff:announcement'> | null;
}

export const initialConsoleState: ConsoleState = {
  ...initialSessionState,
  selfId: null,
  availability: null,
  profile: null,
  settingsError: null,
  queueStats: {},
  chats: [],
  early: [],
  selectedId: null,
  colleagues: null,
  followUps: null,
  office: null,
  referrals: null,
  referredTo: {},
  canned: null,
  staffNotice: null,
};
