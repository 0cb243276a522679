import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { Departures } from '../presence/departures.ts';

/**
 * One socket's presence through its session set-up. The socket may close while set-up still
 * awaits Redis: counting it in after its `disconnect` fired would leave a presence nobody takes
 * back, and the set-up's later steps would act for someone who has gone. So the departure runs
 * exactly once, after the arrival, whichever of the two finishes first; and set-up asks `gone()`
 * after each await and stops there. A class: every connected socket holds one.
 */
export class PresenceTracker {
  private arrived = false;
  private departure: Promise<void> | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly departures: Departures,
    private readonly member: string,
    private readonly log: FastifyBaseLogger,
  ) {
    socket.on('disconnect', () => {
      if (this.arrived) void this.depart();
    });
  }

  async arrive(): Promise<void> {
    await this.departures.arrived(this.member);
    this.arrived = true;
    if (!this.socket.connected) void this.depart();
  }

  /** Whether the socket has closed; its departure is then under way. */
  gone(): boolean {
    if (this.socket.connected) return false;
    if (this.arrived) void this.depart();
    return true;
  }

  /**
   * After a step that may have undone the departure (made the person available again), waits
   * for the departure and, unless they are present elsewhere, undoes that step.
   */
  async settle(undo: () => Promise<unknown>): Promise<void> {
    await this.depart();
    if (!(await this.departures.isPresent(this.member))) await undo();
  }

  private depart(): Promise<void> {
    const { member, log } = this;
    this.departure ??= this.departures
      .left(member)
      .catch((err: unknown) => log.error({ err, member }, 'departure failed'));
    return this.departure;
  }
}
