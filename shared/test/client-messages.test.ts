import { describe, expect, it } from 'vitest';
import {
  addPending,
  awaitsDelivery,
  lastSeq,
  markDelivery,
  markSent,
  mergeStored,
  pendingMessage,
} from '../src/client/messages.ts';
import type { ChatMessage } from '../src/index.ts';

const conversationId = '01JD3Q7J0X7M2Y5V9W4T6R8S1A';
const stored = (seq: number, author: ChatMessage['author'], clientMessageId = `c-${seq}`): ChatMessage => ({
  conversationId,
  seq,
  clientMessageId,
  author,
  authorName: author === 'visitor' ? 'Mario Rossi' : 'Paolo Romano',
  text: `message ${seq}`,
  sentAt: '2026-11-22T15:02:11.000Z',
});

describe('message list merging', () => {
  it('orders by seq and drops a seq already held (history after a reconnect overlaps pushes)', () => {
    const once = mergeStored([], [stored(2, 'advisor'), stored(1, 'visitor')], 'visitor');
    const again = mergeStored(
      once,
      [stored(1, 'visitor'), stored(2, 'advisor'), stored(3, 'advisor')],
      'visitor',
    );
    expect(again.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(lastSeq(again)).toBe(3);
    expect(mergeStored(again, [stored(3, 'advisor')], 'visitor')).toBe(again);
  });

  it('replaces our pending message with its stored copy when the echo comes before the ack', () => {
    const mine = pendingMessage(conversationId, 'visitor', 'Mario Rossi', 'Buongiorno');
    const list = addPending(mergeStored([], [stored(1, 'advisor')], 'visitor'), mine);
    const echoed = mergeStored(
      list,
      [{ ...stored(2, 'visitor', mine.clientMessageId), text: 'Buongiorno' }],
      'visitor',
    );
    expect(echoed.map((m) => [m.seq, m.delivery])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
    ]);
    // The ack arriving afterwards changes nothing.
    expect(markSent(echoed, mine.clientMessageId, 2, '2026-11-22T15:02:12.000Z')).toHaveLength(2);
  });

  it('gives our pending message its seq when the ack comes before the echo', () => {
    const mine = pendingMessage(conversationId, 'visitor', 'Mario Rossi', 'Buongiorno');
    const acked = markSent(addPending([], mine), mine.clientMessageId, 5, '2026-11-22T15:02:12.000Z');
    expect(acked).toMatchObject([{ seq: 5, delivery: 'sent', text: 'Buongiorno' }]);
    expect(mergeStored(acked, [stored(5, 'visitor', mine.clientMessageId)], 'visitor')).toBe(acked);
  });

  it('keeps unsent messages after stored ones and resends only what may succeed', () => {
    const a = pendingMessage(conversationId, 'visitor', 'Mario Rossi', 'one');
    const b = pendingMessage(conversationId, 'visitor', 'Mario Rossi', 'two');
    let list = addPending(addPending([], a), b);
    list = markDelivery(list, a.clientMessageId, 'failed', { code: 'ACK_TIMEOUT', message: 'timeout' });
    list = markDelivery(list, b.clientMessageId, 'failed', {
      code: 'CONVERSATION_CLOSED',
      message: 'closed',
    });
    list = mergeStored(list, [stored(1, 'advisor')], 'visitor');
    expect(list.map((m) => m.seq ?? m.text)).toEqual([1, 'one', 'two']);
    expect(list.filter(awaitsDelivery).map((m) => m.text)).toEqual(['one']);
  });

  it('makes client message ids the server accepts', () => {
    expect(pendingMessage(conversationId, 'visitor', '', 'x').clientMessageId).toMatch(
      /^[A-Za-z0-9_-]{1,64}$/,
    );
  });
});
