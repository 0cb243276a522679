import type {
  AdvisorAvailability,
  AdvisorServerEvents,
  AssignedConversation,
  Audience,
} from '@infocig/shared';
import {
  type ConnectionAnnouncement,
  initialSessionState,
  type SessionState,
  type UiMessage,
} from '@infocig/shared/client';

export type Push<K extends keyof AdvisorServerEvents> = Parameters<AdvisorServerEvents[K]>[0];
export type ClosedBy = Push<'chat:closed'>['closedBy'];

/** What the live region reads out, besides the connection's drops and returns; worded by `Announcements`. */
export type AdvisorAnnouncement =
  | { kind: 'assigned'; visitorName: string }
  | { kind: 'message'; visitorName: string; text: string }
  | { kind: 'closed'; visitorName: string; closedBy: ClosedBy }
  | { kind: 'availability'; availability: AdvisorAvailability };

export type Announcement = AdvisorAnnouncement | ConnectionAnnouncement;

/** One chat the advisor holds (or held: closed ones stay until dismissed). */
export interface ChatEntry {
  conversation: Omit<AssignedConversation, 'messages'>;
  messages: UiMessage[];
  unread: number;
  closedBy: ClosedBy | null;
}

export interface ConsoleState extends SessionState<Announcement> {
  availability: AdvisorAvailability | null;
  queueStats: Partial<Record<Audience, number>>;
  chats: ChatEntry[];
  selectedId: string | null;
}

export const initialConsoleState: ConsoleState = {
  ...initialSessionState,
  availability: null,
  queueStats: {},
  chats: [],
  selectedId: null,
};
