import { type AdvisorClientEvents, type AdvisorServerEvents, advisorEvents } from '@infocig/shared';
import { checked } from '@infocig/shared/client';
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
}

/** Every push is checked against its schema before a handler sees it. */
export function listen(socket: AdvisorSocket, h: PushHandlers): void {
  const e = advisorEvents;
  socket.on('session:ready', checked('session:ready', e['session:ready'], h.ready));
  socket.on('advisor:profile', checked('advisor:profile', e['advisor:profile'], h.profile));
  socket.on('chat:assigned', checked('chat:assigned', e['chat:assigned'], h.assigned));
  socket.on('chat:released', checked('chat:released', e['chat:released'], h.released));
  socket.on('chat:message', checked('chat:message', e['chat:message'], h.message));
  socket.on('chat:typing', checked('chat:typing', e['chat:typing'], h.typing));
  socket.on('chat:read', checked('chat:read', e['chat:read'], h.read));
  socket.on('chat:closed', checked('chat:closed', e['chat:closed'], h.closed));
  socket.on('queue:stats', checked('queue:stats', e['queue:stats'], h.queueStats));
}
