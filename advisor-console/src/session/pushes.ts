import { type AdvisorClientEvents, type AdvisorServerEvents, advisorEvents } from '@infocig/shared';
import { type AppPushHandlers, listenToPushes } from '@infocig/shared/client';
import type { Socket } from 'socket.io-client';
import type { Push } from './state.ts';

export type AdvisorSocket = Socket<AdvisorServerEvents, AdvisorClientEvents>;

export interface PushHandlers {
  ready(ready: Push<'session:ready'>): void;
  profile(profile: Push<'advisor:profile'>): void;
  assigned(conversation: Push<'chat:assigned'>): void;
  released(released: Push<'chat:released'>): void;
  message(message: Push<'chat:message'>): void;
  typing(typing: Push<'chat:typing'>): void;
  read(read: Push<'chat:read'>): void;
  closed(closed: Push<'chat:closed'>): void;
  queueStats(stats: Push<'queue:stats'>): void;
  staffAnnouncement(announcement: Push<'staff:announcement'>): void;
}

/** Every push is checked against its schema before a handler sees it; each one must have a handler. */
export function listen(socket: AdvisorSocket, h: PushHandlers): void {
  const handlers: AppPushHandlers<typeof advisorEvents> = {
    'session:ready': h.ready,
    'advisor:profile': h.profile,
    'chat:assigned': h.assigned,
    'chat:released': h.released,
    'chat:message': h.message,
    'chat:typing': h.typing,
    'chat:read': h.read,
    'chat:closed': h.closed,
    'queue:stats': h.queueStats,
    'staff:announcement': h.staffAnnouncement,
  };
  listenToPushes(socket, advisorEvents, handlers);
}
