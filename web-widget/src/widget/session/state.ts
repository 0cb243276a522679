import type {
  AccessLogEntry,
  ClaimSummary,
  FollowUp,
  NoEstimateReason,
  Rating,
  ServiceStatus,
  VisitorConversation,
  VisitorServerEvents,
} from '@infocig/shared';
import {
  type ConnectionAnnouncement,
  initialSessionState,
  type SessionState,
  type UiError,
  type UiMessage,
} from '@infocig/shared/client';

export type Push<K extends keyof VisitorServerEvents> = Parameters<VisitorServerEvents[K]>[0];
export type ClosedBy = Push<'chat:closed'>['closedBy'];
export type CloseReason = NonNullable<Push<'chat:closed'>['reason']>;
export type RequeueReason = Push<'chat:requeued'>['reason'];
export type Admission = Push<'session:ready'>['admission'];
export type Company = Push<'session:ready'>['companies'][number];

/** What the live region reads out, besides the connection's drops and returns; worded by `Announcements`. */
export type VisitorAnnouncement =
  | { kind: 'queue'; position: number; wait: WaitView | null }
  | { kind: 'requeued'; reason: RequeueReason }
  | { kind: 'assigned'; advisorName: string }
  | { kind: 'message'; authorName: string; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'closed'; closedBy: ClosedBy; reason: CloseReason | null }
  | { kind: 'service-closed' }
  | { kind: 'followup-offered' }
  | { kind: 'followup-sent' }
  | { kind: 'followup-answered'; topic: string }
  | { kind: 'followup-updated'; office: string }
  | { kind: 'company-claims'; name: string; count: number }
  | { kind: 'admission-changed'; admitted: boolean; availableFrom: string | null }
  | { kind: 'companies-changed' }
  | { kind: 'access-notice'; notice: AccessNotice }
  | { kind: 'access-log'; count: number };

/**
 * The wait as the widget words it: a range in whole minutes, or why there is no estimate —
 * nobody serves the queue now, its pace is not known, or the wait has outlasted the range given.
 * `null` from a server that sends no estimate.
 */
export type WaitView =
  | { kind: 'range'; lowMinutes: number; highMinutes: number }
  | { kind: 'none'; reason: NoEstimateReason | 'overdue' };

/** Access that ended meanwhile: a delegation revoked, an application no longer among yours. */
export type AccessNotice = { kind: 'company-revoked'; name: string } | { kind: 'application-gone' };

/** The claims shown: the visitor's own (`companyCf` null) or those of the company they picked. */
export interface ShownClaims {
  list: ClaimSummary[];
  asOf: string;
  companyCf: string | null;
}

/** "Who has seen my data", loaded on demand. */
export interface AccessLogState {
  entries: AccessLogEntry[] | null;
  loading: boolean;
  error: UiError | null;
}

export type Announcement = VisitorAnnouncement | ConnectionAnnouncement;

export interface VisitorConversationState extends VisitorConversation {
  closedBy?: ClosedBy;
  closeReason?: CloseReason;
  /** Why it went back to the queue, while it waits there again. */
  requeued?: RequeueReason;
  /** The server offered to leave a follow-up instead of waiting on. */
  followUpOffered?: boolean;
  /** When this page received the current `estimate` (epoch ms): its range counts from then. */
  estimateAt?: number;
  /** What the live region last said about the queue, so that small changes stay quiet. */
  announcedQueue?: { position: number; wait: WaitView | null };
  /** Once closed: the person's rating of it, once given. */
  rating?: Rating;
  /** Once closed: until when it may be rated, when the server said (a chat handed over after a reload). */
  ratableUntil?: string | null;
}

/** `busy` covers the chat request, closing and leaving a follow-up; `commandError` shows by the controls. */
export interface VisitorState extends SessionState<Announcement> {
  claims: ShownClaims | null;
  /** The claims store could not be reached: the server sends the claims by itself once it is back. */
  claimsUnavailable: boolean;
  /** Whether the rollout has reached this person; `null` until the session is ready. */
  admission: Admission | null;
  /** The companies an owner or intermediary acts for (an intermediary names one when asking). */
  companies: Company[];
  /** Whose claims are shown and asked about: an owner's company (preselected) or the intermediary's pick. */
  selectedCompanyCf: string | null;
  accessNotice: AccessNotice | null;
  accessLog: AccessLogState;
  /** Whether advisors are on duty for this visitor's queue; `null` until the session is ready. */
  service: ServiceStatus | null;
  /** What a chat request the closed service refused was about: the follow-up form starts from it. */
  refusedTopic: string;
  conversation: VisitorConversationState | null;
  messages: UiMessage[];
  /** Until when the advisor shows as typing (epoch ms); `null` when not. */
  advisorTypingUntil: number | null;
  /** The visitor's follow-ups, newest first. */
  followUps: FollowUp[];
}

export const initialVisitorState: VisitorState = {
  ...initialSessionState,
  claims: null,
  claimsUnavailable: false,
  admission: null,
  companies: [],
  selectedCompanyCf: null,
  accessNotice: null,
  accessLog: { entries: null, loading: false, error: null },
  service: null,
  refusedTopic: '',
  conversation: null,
  messages: [],
  advisorTypingUntil: null,
  followUps: [],
};
