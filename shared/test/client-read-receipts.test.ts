import { describe, expect, it } from 'vitest';
import type { UiMessage } from '../src/client/messages.ts';
import { advanceRead, lastSeqFrom, ReadMarks } from '../src/client/read-receipts.ts';

const id = '01JD3Q7J0X7M2Y5V9W4T6R8S1A';

function message(seq: number | null, author: UiMessage['author']): UiMessage {
  return {
    conversationId: id,
    seq,
    clientMessageId: `c-${seq}-${author}`,
    author,
    authorName: author,
    text: 't',
    sentAt: '2026-11-22T15:00:00.000Z',
    delivery: seq === null ? 'pending' : 'sent',
  };
}

describe('read marks', () => {
  it('only move forward', () => {
    const marks = { visitor: 3, advisor: 5 };
    expect(advanceRead(marks, 'advisor', 7)).toEqual({ visitor: 3, advisor: 7 });
    expect(advanceRead(marks, 'advisor', 4)).toBe(marks);
    expect(advanceRead(marks, 'visitor', 3)).toBe(marks);
  });

  it("find the last stored message of the other side (system notices included, one's own and pending not)", () => {
    const list = [message(1, 'visitor'), message(2, 'advisor'), message(3, 'system'), message(4, 'visitor')];
    expect(lastSeqFrom(list, 'visitor')).toBe(3);
    expect(lastSeqFrom([...list, message(null, 'advisor')], 'advisor')).toBe(4);
    expect(lastSeqFrom([message(1, 'visitor')], 'visitor')).toBe(0);
  });

  it('are sent once each, forward only, and again after a failure', () => {
    const marks = new ReadMarks();
    expect(marks.next(id, 0, 0)).toBeNull();
    expect(marks.next(id, 4, 2)).toBe(4);
    expect(marks.next(id, 4, 2)).toBeNull();
    expect(marks.next(id, 3, 0)).toBeNull();
    expect(marks.next(id, 6, 0)).toBe(6);
    marks.failed(id, 6);
    expect(marks.next(id, 6, 4)).toBe(6);
    expect(marks.next('01JD3Q7J0X7M2Y5V9W4T6R8S1B', 6, 6)).toBeNull();
  });
});
