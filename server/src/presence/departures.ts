import type { FastifyBaseLogger } from 'fastify';
import type { Timers } from '../jobs/timers.ts';
import { type AdvisorPool, advisorMember } from '../routing/advisor-pool.ts';
import type { Presence } from './presence.ts';

export const visitorMember = (visitorKey: string) => `v:${visitorKey}`;
export { advisorMember };

export interface DepartureDeps {
  presence: Presence;
  pool: AdvisorPool;
  /** What departures ask of chat: a visitor's open chat, an advisor's chats back to the queue, a visitor's chat closed. */
  chat: {
    activeIdOf(visitorKey: string): Promise<string | null>;
    returnChatsOf(advisorId: string): Promise<unknown>;
    closeAsSystem(conversationId: string, reason: 'visitor_left'): Promise<unknown>;
    /** Advisors serving the queues changed: waiting visitors' estimates are pushed again. */
    staffingChanged(): void;
  };
  timers: Pick<Timers, 'schedule' | 'cancel'>;
  graceMs: { advisor: number; visitor: number };
  log: FastifyBaseLogger;
}

/**
 * What happens when people go: an advisor with no socket left stops receiving chats at once and
 * gets a grace period to come back before their chats return to the queue; a visitor gets one
 * before their conversation closes. The grace timers are BullMQ jobs, so a restart or the death
 * of the process that scheduled them loses nothing.
 */
export function createDepartures(deps: DepartureDeps) {
  const { presence, pool, chat, timers, graceMs, log } = deps;

  async function gone(member: string): Promise<void> {
    const [kind, id] = [member.slice(0, 1), member.slice(2)];
    const awaySince = Date.now();
    const grace = kind === 'a' ? graceMs.advisor : graceMs.visitor;
    await presence.markAway(member, awaySince, grace * 2 + 60_000);
    if (kind === 'a') {
      const held = await pool.takeOffline(id);
      chat.staffingChanged();
      if (held > 0) await timers.schedule('advisor-grace', { advisorId: id, awaySince }, grace);
      log.info({ advisorId: id, held }, 'advisor left');
    } else {
      const conversationId = await chat.activeIdOf(id);
      if (conversationId)
        await timers.schedule('visitor-grace', { visitorKey: id, conversationId, awaySince }, grace);
    }
  }

  /** The timer belongs to the absence it was set for: a return ends it, a new absence has its own. */
  const stillAwaySince = async (member: string, since: number) =>
    (await presence.awaySince(member)) === since;

  async function goneAll(members: string[]): Promise<void> {
    for (const member of members) await gone(member);
  }

  return {
    arrived: (member: string) => presence.join(member),
    isPresent: (member: string) => presence.isPresent(member),

    async left(member: string): Promise<void> {
      if (!(await presence.leave(member))) await gone(member);
    },

    /** Takes back the sockets of processes that died, and starts their people's grace periods. */
    sweep: async () => goneAll(await presence.reapDead()),

    /** This process is stopping: its people may reconnect elsewhere within their grace. */
    leaveAll: async () => goneAll(await presence.reapSelf()),

    async advisorGraceOver({
      advisorId,
      awaySince,
    }: {
      advisorId: string;
      awaySince: number;
    }): Promise<void> {
      if (!(await stillAwaySince(advisorMember(advisorId), awaySince))) return;
      await chat.returnChatsOf(advisorId);
    },

    async visitorGraceOver(data: { visitorKey: string; conversationId: string; awaySince: number }) {
      const { visitorKey, conversationId, awaySince } = data;
      if (!(await stillAwaySince(visitorMember(visitorKey), awaySince))) return;
      if (await presence.isPresent(visitorMember(visitorKey))) return;
      if ((await chat.activeIdOf(visitorKey)) !== conversationId) return;
      await chat.closeAsSystem(conversationId, 'visitor_left');
    },
  };
}

export type Departures = ReturnType<typeof createDepartures>;
