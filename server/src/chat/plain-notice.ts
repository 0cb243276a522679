import type { SystemNotice } from '@infocig/shared';

/**
 * A notice of the service in plain words, both languages, for where no app words it: the text of
 * the message (transcripts, the archive, clients that predate the notice's kind).
 */
export function plainNotice(notice: SystemNotice): string {
  switch (notice.kind) {
    case 'inactivity-warning':
      return (
        `Questa chat verrà chiusa tra ${notice.minutesLeft} minuti se nessuno scrive. / ` +
        `This chat will close in ${notice.minutesLeft} minutes unless someone writes.`
      );
    case 'handover':
      return notice.reason === 'advisor_left'
        ? 'Il consulente si è allontanato: la conversazione passa a un altro consulente. / ' +
            'Your advisor had to leave: your conversation is being handed to another advisor.'
        : 'La conversazione passa a un altro consulente. / ' +
            'Your conversation is being handed to another advisor.';
    case 'referral':
      return (
        `La tua domanda è stata inoltrata a ${notice.office}: la risposta arriverà tra i tuoi messaggi. / ` +
        `Your question was passed to ${notice.office}: the answer will reach your messages.`
      );
  }
}
