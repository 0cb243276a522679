import { AUDIENCES } from '@infocig/shared';
import type { RedisClient } from '../../src/redis/connection.ts';
import type { Keys } from '../../src/redis/keys.ts';
import type { Ledger } from './ledger.ts';

/**
 * One atomic read of every advisor's hash, held-chat set and the routing record of each chat in it,
 * and of the queues, so that a chat moving between advisors can never show in two places by
 * accident of timing. All of it is in the routing slot (redis/keys.ts), so this runs on a cluster.
 * KEYS: the waiting sets, then per advisor its hash and held set; ARGV[1] the number of queues,
 * ARGV[2] the routing root, ARGV[3..] advisor ids.
 * Returns {waiting ids, {{advisorId, capacity, load, {{conversationId, its advisorId, status}, ...}}, ...}}.
 */
const SNAPSHOT_LUA = `
local queues = tonumber(ARGV[1])
local waiting = {}
for q = 1, queues do
  for _, id in ipairs(redis.call('ZRANGE', KEYS[q], 0, -1)) do
    waiting[#waiting + 1] = id
  end
end
local advisors = {}
for i = 3, #ARGV do
  local key = KEYS[queues + (i - 3) * 2 + 1]
  local capacity, load = unpack(redis.call('HMGET', key, 'capacity', 'load'))
  local held = {}
  for _, id in ipairs(redis.call('SMEMBERS', KEYS[queues + (i - 3) * 2 + 2])) do
    local holder, status = unpack(redis.call('HMGET', ARGV[2] .. ':chat:' .. id, 'advisorId', 'status'))
    held[#held + 1] = {id, holder or '', status or ''}
  end
  advisors[#advisors + 1] = {ARGV[i], capacity or '', load or '', held}
end
return {waiting, advisors}
`;

type AdvisorSnapshot = [advisorId: string, capacity: string, load: string, held: [string, string, string][]];
type Snapshot = [waiting: string[], advisors: AdvisorSnapshot[]];

/** Samples Redis through the run and keeps every breach of "one holder" and "within capacity". */
export class RedisSampler {
  samples = 0;
  heldPeak = 0;
  /** Chats held across all advisors in the latest sample. */
  lastHeld = 0;
  /** The chats behind `lastHeld`, as `chat@advisor (status)`, for the report when it is not 0. */
  lastHeldChats: string[] = [];
  /** Sampled (advisor, held count, capacity) with held = capacity, i.e. full advisors seen. */
  fullAdvisorsSeen = 0;
  readonly violations: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly advisorIds: string[],
    private readonly ledger: Ledger,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.sample())
        .catch((err: unknown) => {
          this.violations.push(`sampling failed: ${String(err)}`);
        });
    }, everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sample(): Promise<void> {
    const { keys } = this;
    const snapshotKeys = [
      ...AUDIENCES.map((queue) => keys.queueWaiting(queue)),
      ...this.advisorIds.flatMap((id) => [keys.advisor(id), keys.advisorConversations(id)]),
    ];
    const [waiting, advisors] = (await this.redis.eval(
      SNAPSHOT_LUA,
      snapshotKeys.length,
      ...snapshotKeys,
      AUDIENCES.length,
      keys.routingRoot,
      ...this.advisorIds,
    )) as Snapshot;
    const at = Date.now();
    this.samples++;
    const queued = new Set(waiting);
    const holderOf = new Map<string, string>();
    let held = 0;
    const heldChats: string[] = [];
    for (const [advisorId, capacity, load, chats] of advisors) {
      held += chats.length;
      const limit = capacity === '' ? 0 : Number(capacity);
      if (chats.length > limit)
        this.violations.push(`${advisorId} held ${chats.length} chats with capacity ${limit}`);
      if (chats.length === limit && limit > 0) this.fullAdvisorsSeen++;
      if (chats.length !== Number(load || 0)) {
        this.violations.push(`${advisorId} holds ${chats.length} chats but its load says ${load}`);
      }
      for (const [conversationId, holder, status] of chats) {
        heldChats.push(`${conversationId}@${advisorId} (${status})`);
        const other = holderOf.get(conversationId);
        if (other) this.violations.push(`${conversationId} held by ${other} and ${advisorId} at once`);
        holderOf.set(conversationId, advisorId);
        if (queued.has(conversationId))
          this.violations.push(`${conversationId} held by ${advisorId} and waiting`);
        if (holder !== advisorId || status !== 'active') {
          this.violations.push(
            `${conversationId} in ${advisorId}'s set but its hash says ${status} for '${holder}'`,
          );
        }
        this.ledger.knownAt(this.ledger.assignedSeenAt, conversationId, at);
      }
    }
    this.heldPeak = Math.max(this.heldPeak, held);
    this.lastHeld = held;
    this.lastHeldChats = heldChats;
  }
}
