import type { UiMessage } from '@infocig/shared/client';

/** Who this console's advisor is: their opaque id (from `session:ready`) and their name. */
export interface Self {
  advisorId: string | null;
  name: string;
}

/**
 * Whether a message was written by this console's advisor (shown as "you"). After a transfer the
 * chat holds a colleague's messages too: those are told apart by the opaque `authorId`. A message
 * not stored yet is one we are sending; one stored without an id (written before ids were carried)
 * is ours only by name.
 */
export function isOwnMessage(m: Pick<UiMessage, 'author' | 'authorId' | 'authorName' | 'seq'>, self: Self) {
  if (m.author !== 'advisor') return false;
  if (m.seq === null) return true;
  if (m.authorId && self.advisorId) return m.authorId === self.advisorId;
  return m.authorName === self.name;
}
