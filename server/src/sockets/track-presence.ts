import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { Departures } from '../presence/departures.ts';

/**
 * One socket's presence through its session set-up. The socket may close while set-up still
 * awaits Redis: counting it in after its `disconnect` fired would leave a presence nobody takes
 * back, and the set-up's later steps would act for someone who has gone. So the departure runs
 * exactly once, after the arrival, whichever of the two finishes first; and set-up asks `gone()`
 * after each await and stops there.
 */
export function trackPresence(
  socket: Socket,
  departures: Departures,
  member: string,
  log: FastifyBaseLogger,
) {
  let arrived = false;
  let departure: Promise<void> | null = null;
  const depart = () => {
    departure ??= departures
      .left(member)
      .catch((err: unknown) => log.error({ err, member }, 'departure failed'));
    return departure;
  };
  socket.on('disconnect', () => {
    if (arrived) void depart();
  });

  return {
    async arrive(): Promise<void> {
      await departures.arrived(member);
      arrived = true;
      if (!socket.connected) void depart();
    },

    /** Whether the socket has closed; its departure is then under way. */
    gone(): boolean {
      if (socket.connected) return false;
      if (arrived) void depart();
      return true;
    },

    /**
     * After a step that may have undone the departure (made the person available again), waits
     * for the departure and, unless they are present elsewhere, undoes that step.
     */
    async settle(undo: () => Promise<unknown>): Promise<void> {
      await depart();
      if (!(await departures.isPresent(member))) await undo();
    },
  };
}
