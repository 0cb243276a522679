/**
 * The wire protocol's version. Clients send it in the handshake (`auth.protocolVersion`); the
 * server refuses any other with PROTOCOL_VERSION_UNSUPPORTED. Bump it on any breaking change.
 */
export const PROTOCOL_VERSION = 1;

/** Socket.IO namespaces: one for people asking (the widget), one for INPS staff (the console). */
export const NAMESPACES = {
  visitor: '/visitor',
  advisor: '/advisor',
  supervisor: '/supervisor',
} as const;

/** Limits the server enforces on what arrives; clients may use them to validate early. */
export const LIMITS = {
  messageTextMaxChars: 2000,
  topicMaxChars: 500,
  noteMaxChars: 1000,
  clientMessageIdMaxChars: 64,
  historyPageMax: 200,
  /** A closed chat's rating: its comment, and how long after the close it may be given. */
  ratingCommentMaxChars: 1000,
  ratingWindowDays: 7,
  cannedTitleMaxChars: 80,
  /** Canned replies in the shared set, and of each advisor's own. */
  cannedRepliesMax: 200,
  /** Socket.IO drops any packet above this many bytes and closes the connection. */
  maxPacketBytes: 64 * 1024,
} as const;
