import { type VisitorClientEvents, type VisitorServerEvents, visitorEvents } from '@infocig/shared';
import { type AppPushHandlers, listenToPushes } from '@infocig/shared/client';
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
  updated(followUp: Push<'followup:updated'>): void;
  admission(changed: Push<'admission:changed'>): void;
}

/** Every push is checked against its schema before a handler sees it; each one must have a handler. */
export function listen(socket: VisitorSocket, h: PushHandlers): void {
  const handlers: AppPushHandlers<typeof visitorEvents> = {
    'session:ready': h.ready,
    'claims:status': h.claims,
    'claims:unavailable': h.claimsUnavailable,
    'queue:position': h.position,
    'queue:followup-offered': h.offered,
    'chat:requeued': h.requeued,
    'chat:assigned': h.assigned,
    'chat:message': h.message,
    'chat:typing': h.typing,
    'chat:read': h.read,
    'chat:closed': h.closed,
    'followup:answered': h.answered,
    'followup:updated': h.updated,
    'admission:changed': h.admission,
  };
  listenToPushes(socket, visitorEvents, handlers);
}
