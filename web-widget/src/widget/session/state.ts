import type { ClaimSummary, SessionIdentity, VisitorConversation } from '@infocig/shared';
import type { UiError } from './ack.ts';
import type { UiMessage } from './messages.ts';

export type ConnectionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; lastError: UiError | null }
  | { kind: 'error'; error: UiError };

/** What the live region reads out; worded by the component, in the current language. */
export type Announcement =
  | { kind: 'queue'; position: number }
  | { kind: 'assigned'; advisorName: string }
  | { kind: 'message'; authorName: string; text: string }
  | { kind: 'closed'; closedBy: 'visitor' | 'advisor' | 'system' }
  | { kind: 'connection-lost' }
  | { kind: 'connection-restored' };

export interface VisitorConversationState extends VisitorConversation {
  closedBy?: 'visitor' | 'advisor' | 'system';
}

export interface VisitorState {
  connection: ConnectionState;
  identity: SessionIdentity | null;
  claims: { list: ClaimSummary[]; asOf: string } | null;
  conversation: VisitorConversationState | null;
  messages: UiMessage[];
  /** A command is on its way (request, close): buttons wait for it. */
  busy: boolean;
  /** The last command that failed, shown next to the chat controls. */
  commandError: UiError | null;
  /** Most recent last; each with an id so the same text is read out again. */
  announcements: { id: number; event: Announcement }[];
}

export const initialVisitorState: VisitorState = {
  connection: { kind: 'idle' },
  identity: null,
  claims: null,
  conversation: null,
  messages: [],
  busy: false,
  commandError: null,
  announcements: [],
};

let announcementId = 0;

/** Keeps only the last few: the live region reads additions, old ones need not stay in the DOM. */
export function announce(state: VisitorState, event: Announcement): VisitorState {
  announcementId += 1;
  return { ...state, announcements: [...state.announcements.slice(-4), { id: announcementId, event }] };
}
