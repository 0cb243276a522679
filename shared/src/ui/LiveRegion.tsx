import type { Announced, ConnectionAnnouncement } from '../client/announcements.ts';

export interface LiveRegionProps<E extends { kind: string }> {
  announcements: readonly Announced<E | ConnectionAnnouncement>[];
  /** The words for the connection's drops and returns, which every session announces. */
  texts: { connectionLost: string; connectionRestored: string };
  /** The app's own announcements in words, in the reader's language. */
  describe: (event: E) => string;
}

function isConnectionAnnouncement(event: { kind: string }): event is ConnectionAnnouncement {
  return event.kind === 'connection-lost' || event.kind === 'connection-restored';
}

/** Status messages for screen readers (WCAG 4.1.3), read out as they are added. */
export function LiveRegion<E extends { kind: string }>({
  announcements,
  texts,
  describe,
}: LiveRegionProps<E>) {
  const words = (event: E | ConnectionAnnouncement) => {
    if (!isConnectionAnnouncement(event)) return describe(event);
    return event.kind === 'connection-lost' ? texts.connectionLost : texts.connectionRestored;
  };
  return (
    <div className="ic-sr-only" aria-live="polite" aria-atomic="false" data-testid={`ic-live`}>
      {announcements.map((a) => (
        <p key={a.id}>{words(a.event)}</p>
      ))}
    </div>
  );
}
