import { type AdvisorClientEvents, type AdvisorServerEvents, advisorEvents } from '@infocig/shared';
import { checked } from '@infocig/shared/client';
import type { Socket } from 'socket.io-client';
import type { Push } from './state.ts';

export type AdvisorSocket = Socket<AdvisorServerEvents, AdvisorClientEvents>;

export interface PushHandlers {
  ready(ready: Push<'session:ready'>): void;
  assigned(conversation: Push<'chat:assigned'>): void;
  message(message: Push<'chat:message'>): void;
  closed(closed: Push<'chat:closed'>): void;
  queueStats(stats: Push<'queue:stats'>): void;
}

/** Every push is checked against its schema before a handler sees it. */
export function listen(socket: AdvisorSocket, h: PushHandlers): void {
  const e = advisorEvents;
  socket.on('session:ready', checked('session:ready', e['session:ready'], h.ready));
  socket.on('chat:assigned', checked('chat:assigned', e['chat:assigned'], h.assigned));
  socket.on('chat:message', checked('chat:message', e['chat:message'], h.message));
  socket.on('chat:closed', checked('chat:closed', e['chat:closed'], h.closed));
  socket.on('queue:stats', checked('queue:stats', e['queue:stats'], h.queueStats));
}
