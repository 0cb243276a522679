import { type VisitorClientEvents, type VisitorServerEvents, visitorEvents } from '@infocig/shared';
import { checked } from '@infocig/shared/client';
import type { Socket } from 'socket.io-client';
import type { Push } from './state.ts';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

export interface PushHandlers {
  ready(ready: Push<'session:ready'>): void;
  claims(claims: Push<'claims:status'>): void;
  claimsUnavailable(notice: Push<'claims:unavailable'>): void;
  position(position: Push<'queue:position'>): void;
  offered(offer: Push<'queue:followup-offered'>): void;
  requeued(requeued: Push<'chat:requeued'>): void;
  assigned(assigned: Push<'chat:assigned'>): void;
  message(message: Push<'chat:message'>): void;
  typing(typing: Push<'chat:typing'>): void;
  read(read: Push<'chat:read'>): void;
  closed(closed: Push<'chat:closed'>): void;
  answered(followUp: Push<'followup:answered'>): void;
}

/** Every push is checked against its schema before a handler sees it. */
export function listen(socket: VisitorSocket, h: PushHandlers): void {
  const e = visitorEvents;
  socket.on('session:ready', checked('session:ready', e['session:ready'], h.ready));
  socket.on('claims:status', checked('claims:status', e['claims:status'], h.claims));
  socket.on(
    'claims:unavailable',
    checked('claims:unavailable', e['claims:unavailable'], h.claimsUnavailable),
  );
  socket.on('queue:position', checked('queue:position', e['queue:position'], h.position));
  socket.on(
    'queue:followup-offered',
    checked('queue:followup-offered', e['queue:followup-offered'], h.offered),
  );
  socket.on('chat:requeued', checked('chat:requeued', e['chat:requeued'], h.requeued));
  socket.on('chat:assigned', checked('chat:assigned', e['chat:assigned'], h.assigned));
  socket.on('chat:message', checked('chat:message', e['chat:message'], h.message));
  socket.on('chat:typing', checked('chat:typing', e['chat:typing'], h.typing));
  socket.on('chat:read', checked('chat:read', e['chat:read'], h.read));
  socket.on('chat:closed', checked('chat:closed', e['chat:closed'], h.closed));
  socket.on('followup:answered', checked('followup:answered', e['followup:answered'], h.answered));
}
