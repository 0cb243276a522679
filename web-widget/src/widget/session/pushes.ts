import { type VisitorClientEvents, type VisitorServerEvents, visitorEvents } from '@infocig/shared';
import { checked } from '@infocig/shared/client';
import type { Socket } from 'socket.io-client';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
type Push<K extends keyof VisitorServerEvents> = Parameters<VisitorServerEvents[K]>[0];

export interface PushHandlers {
  ready(ready: Push<'session:ready'>): void;
  claims(claims: Push<'claims:status'>): void;
  position(position: Push<'queue:position'>): void;
  assigned(assigned: Push<'chat:assigned'>): void;
  message(message: Push<'chat:message'>): void;
  closed(closed: Push<'chat:closed'>): void;
}

/** Every push is checked against its schema before a handler sees it. */
export function listen(socket: VisitorSocket, h: PushHandlers): void {
  const e = visitorEvents;
  socket.on('session:ready', checked('session:ready', e['session:ready'], h.ready));
  socket.on('claims:status', checked('claims:status', e['claims:status'], h.claims));
  socket.on('queue:position', checked('queue:position', e['queue:position'], h.position));
  socket.on('chat:assigned', checked('chat:assigned', e['chat:assigned'], h.assigned));
  socket.on('chat:message', checked('chat:message', e['chat:message'], h.message));
  socket.on('chat:closed', checked('chat:closed', e['chat:closed'], h.closed));
}
