import { NAMESPACES, wireError } from '@infocig/shared';
import type { Server } from 'socket.io';
import type { SessionSocket } from './typed-sockets.ts';

/** Calls `act` on every socket this process holds, in both namespaces; returns how many. */
function forEachLocalSocket(io: Server, act: (socket: SessionSocket) => void): number {
  let count = 0;
  for (const path of [NAMESPACES.visitor, NAMESPACES.advisor]) {
    for (const socket of io.of(path).sockets.values()) {
      act(socket);
      count++;
    }
  }
  return count;
}

/**
 * Asks every socket this process holds to start its session again: told SERVICE_UNAVAILABLE, then
 * disconnected, the apps reconnect by themselves after a pause, and the session set-up registers
 * them afresh (presence, the advisor pool) and hands them everything they hold, history included.
 * Used when Redis lost its data.
 */
export function restartLocalSessions(io: Server, message: string): number {
  return forEachLocalSocket(io, (socket) => {
    socket.emit('session:error', wireError('SERVICE_UNAVAILABLE', message));
    socket.disconnect(true);
  });
}

/** Tells every socket this process holds that pushes may have been missed (`session:resync`). */
export function askLocalSessionsToResync(io: Server): number {
  return forEachLocalSocket(io, (socket) => socket.emit('session:resync', { reason: 'pushes_interrupted' }));
}
