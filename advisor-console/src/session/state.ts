import type {
  AdvisorAvailability,
  AdvisorServerEvents,
  AssignedConversation,
  Audience,
  SessionIdentity,
} from '@infocig/shared';
import type { UiError } from './ack.ts';
import type { UiMessage } from './messages.ts';

export type Push<K extends keyof AdvisorServerEvents> = Parameters<AdvisorServerEvents[K]>[0];
export type ClosedBy = Push<'chat:closed'>['closedBy'];

export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; lastError: UiError | null }
  | { kind: 'error'; error: UiError };

/** What the live region reads out; worded by the component, in the current language. */
export type Announcement =
  | { kind: 'assigned'; visitorName: string }
  | { kind: 'message'; visitorName: string; text: string }
  | { kind: 'closed'; visitorName: string; closedBy: ClosedBy }
  | { kind: 'availability'; availability: AdvisorAvailability }
  | { kind: 'connection-lost' }
  | { kind: 'connection-restored' };

/** One chat the advisor holds (or held: closed ones stay until dismissed). */
export interface ChatEntry {
  conversation: Omit<AssignedConversation, 'messages'>;
  messages: UiMessage[];
  unread: number;
  closedBy: ClosedBy | null;
}

export interface ConsoleState {
  connection: ConnectionState;
  identity: SessionIdentity | null;
  availability: AdvisorAvailability | null;
  queueStats: Partial<Record<Audience, number>>;
  chats: ChatEntry[];
  selectedId: string | null;
  busy: boolean;
  commandError: UiError | null;
  announcements: { id: number; event: Announcement }[];
}

export const initialConsoleState: ConsoleState = {
  connection: { kind: 'idle' },
  identity: null,
  availability: null,
  queueStats: {},
  chats: [],
  selectedId: null,
  busy: false,
  commandError: null,
  announcements: [],
};

let announcementId = 0;

export function announce(state: ConsoleState, event: Announcement): ConsoleState {
  announcementId += 1;
  return { ...state, announcements: [...state.announcements.slice(-4), { id: announcementId, event }] };
}
