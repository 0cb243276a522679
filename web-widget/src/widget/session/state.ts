import type { ClaimSummary, VisitorConversation } from '@infocig/shared';
import {
  type ConnectionAnnouncement,
  initialSessionState,
  type SessionState,
  type UiMessage,
} from '@infocig/shared/client';

/** What the live region reads out, besides the connection's drops and returns; worded by `Announcements`. */
export type VisitorAnnouncement =
  | { kind: 'queue'; position: number }
  | { kind: 'assigned'; advisorName: string }
  | { kind: 'message'; authorName: string; text: string }
  | { kind: 'closed'; closedBy: 'visitor' | 'advisor' | 'system' };

export type Announcement = VisitorAnnouncement | ConnectionAnnouncement;

export interface VisitorConversationState extends VisitorConversation {
  closedBy?: 'visitor' | 'advisor' | 'system';
}

/** `busy` covers the chat request and closing; `commandError` is shown next to the chat controls. */
export interface VisitorState extends SessionState<Announcement> {
  claims: { list: ClaimSummary[]; asOf: string } | null;
  conversation: VisitorConversationState | null;
  messages: UiMessage[];
}

export const initialVisitorState: VisitorState = {
  ...initialSessionState,
  claims: null,
  conversation: null,
  messages: [],
};
