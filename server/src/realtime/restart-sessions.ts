import { NAMESPACES, wireError } from '@infocig/shared';
import type { Server } from 'socket.io';

/**
 * Asks every socket this process holds to start its session again: told SERVICE_UNAVAILABLE, then
 * disconnected, the apps reconnect by themselves after a pause, and the session set-up registers
 * them afresh (presence, the advisor pool) and hands them everything they hold, history included.
 * Used when Redis lost its data, and when pushes from other processes may have been missed.
 */
export function restartLocalSessions(io: Server, message: string): number {
  let restarted = 0;
  for (const path of [NAMESPACES.visitor, NAMESPACES.advisor]) {
    for (const socket of io.of(path).sockets.values()) {
      socket.emit('session:error', wireError('SERVICE_UNAVAILABLE', message));
      socket.disconnect(true);
      restarted++;
    }
  }
  return restarted;
}

/** Tells every socket this process holds that pushes may have been missed (`session:resync`). */
export function askLocalSessionsToResync(io: Server): number {
  let told = 0;
  for (const path of [NAMESPACES.visitor, NAMESPACES.advisor]) {
    for (const socket of io.of(path).sockets.values()) {
      socket.emit('session:resync', { reason: 'pushes_interrupted' });
      told++;
    }
  }
  return told;
}
