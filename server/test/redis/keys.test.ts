import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AUDIENCES } from '@infocig/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeys, queueKeys } from '../../src/redis/keys.ts';
import { testRedis } from '../support/index.ts';

const redis = testRedis();
afterAll(() => redis.disconnect());

/** The slot Redis Cluster gives a key: CRC16 of its hash tag, or of the whole key without one. */
async function slotOf(key: string): Promise<number> {
  const probe = testRedis();
  try {
    return Number(await probe.call('CLUSTER', 'KEYSLOT', key).catch(() => crc16Slot(key)));
  } finally {
    probe.disconnect();
  }
}

function crc16Slot(key: string): number {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  const hashed = open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
  let crc = 0;
  for (const byte of Buffer.from(hashed)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

describe('the key layout', () => {
  const keys = createKeys(`infocig-test:${randomBytes(6).toString('hex')}`);
  const advisorId = 'RSSMRA80A01H501U';
  const chatId = '01JABCDEFGHJKMNPQRSTVWXYZ0';
  const member = `a:${advisorId}`;
  const visitorKey = 'v1sitorKey_-';

  it('builds the keys routing scripts learn inside exactly as keys.ts does', async () => {
    const include = readFileSync(
      new URL('../../src/routing/lua/includes/routing.lua', import.meta.url),
      'utf8',
    );
    const lua = `${include}
return {advisorKey(ARGV[4]), advisorChatsKey(ARGV[4]), chatKey(ARGV[5]), sessionsKey(ARGV[6]),
  visitorPointerKey(ARGV[7]), QUEUES['${AUDIENCES[0]}'].waiting, UNSYNCED}`;
    const shared = [...queueKeys(keys), keys.unsynced()];
    const built = await redis.eval(
      lua,
      shared.length,
      ...shared,
      AUDIENCES.join(','),
      keys.routingRoot,
      Date.now(),
      advisorId,
      chatId,
      member,
      visitorKey,
    );
    expect(built).toEqual([
      keys.advisor(advisorId),
      keys.advisorConversations(advisorId),
      keys.chatRouting(chatId),
      keys.sessions(member),
      keys.visitorActiveConversation(visitorKey),
      keys.queueWaiting(AUDIENCES[0]),
      keys.unsynced(),
    ]);
  });

  it('puts all routing state in one slot and a conversation’s keys in a slot of their own', async () => {
    const routing = [
      ...queueKeys(keys),
      keys.unsynced(),
      keys.advisor(advisorId),
      keys.advisorConversations(advisorId),
      keys.chatRouting(chatId),
      keys.sessions(member),
      keys.visitorActiveConversation(visitorKey),
      keys.presence(),
      keys.processes(),
      keys.unannounced(),
      keys.unarchived(),
      keys.epoch(),
      keys.rolloutVersion(),
    ];
    const conversation = [
      keys.conversation(chatId),
      keys.conversationMessages(chatId),
      keys.conversationClientIds(chatId),
      keys.conversationNotes(chatId),
    ];
    const routingSlots = new Set(await Promise.all(routing.map(slotOf)));
    const conversationSlots = new Set(await Promise.all(conversation.map(slotOf)));
    expect(routingSlots.size).toBe(1);
    expect(conversationSlots.size).toBe(1);
    expect(conversationSlots).not.toEqual(routingSlots);
    expect(crc16Slot(keys.presence())).toBe([...routingSlots][0]);
  });

  it('refuses ids that could name another key or move a key to another slot', () => {
    for (const id of ['a:b', '{x}', 'x}', '', 'a'.repeat(65)]) {
      expect(() => keys.conversation(id)).toThrow();
      expect(() => keys.advisor(id)).toThrow();
    }
  });
});
