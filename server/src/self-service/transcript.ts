import type { ChatMessage } from '@infocig/shared';

const when = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A conversation as plain text, for the person to keep: one line per message, Italian time. */
export function transcriptText(conversationId: string, messages: readonly ChatMessage[]): string {
  const lines = messages.map((m) => `[${when.format(new Date(m.sentAt))}] ${m.authorName}: ${m.text}`);
  return [`Info CIG - conversazione ${conversationId}`, '', ...lines, ''].join('\n');
}
