import type { AssignedConversation, ChatMessage } from '@infocig/shared';
import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyClosed,
  applyMessage,
  applyReady,
  dismiss,
  select,
} from '../src/session/reducers.ts';
import { type ConsoleState, initialConsoleState } from '../src/session/state.ts';

const ids = ['01JD3Q7J0X7M2Y5V9W4T6R8S1A', '01JD3Q7J0X7M2Y5V9W4T6R8S1B'] as const;

function conversation(id: string, name: string, messages: ChatMessage[] = []): AssignedConversation {
  return {
    id,
    queue: 'workers',
    topic: 'Pagamento di marzo',
    openedAt: '2026-11-22T15:00:00.000Z',
    assignedAt: '2026-11-22T15:01:00.000Z',
    visitor: { role: 'lavoratore', displayName: name, codiceFiscale: 'RSSMRA80D12H501G', province: 'RM' },
    claims: [],
    messages,
  };
}

const message = (conversationId: string, seq: number, author: ChatMessage['author']): ChatMessage => ({
  conversationId,
  seq,
  clientMessageId: `c-${seq}`,
  author,
  authorName: author,
  text: `text ${seq}`,
  sentAt: '2026-11-22T15:02:00.000Z',
});

const ready = (conversations: AssignedConversation[]) => ({
  protocolVersion: 1,
  identity: { role: 'advisor' as const, displayName: 'Paolo Romano' },
  availability: 'available' as const,
  conversations,
});

describe('console state', () => {
  it('selects the first assigned chat, counts unread in the others and announces arrivals', () => {
    let s: ConsoleState = applyReady(initialConsoleState, ready([]));
    s = applyAssigned(s, conversation(ids[0], 'Mario Rossi'));
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    expect(s.selectedId).toBe(ids[0]);
    expect(s.announcements.map((a) => a.event)).toContainEqual({
      kind: 'assigned',
      visitorName: 'Anna Esposito',
    });

    s = applyMessage(s, message(ids[1], 1, 'visitor'));
    s = applyMessage(s, message(ids[1], 1, 'visitor'));
    s = applyMessage(s, message(ids[0], 1, 'visitor'));
    expect(s.chats.map((c) => c.unread)).toEqual([0, 1]);
    s = select(s, ids[1]);
    expect(s.chats.map((c) => c.unread)).toEqual([0, 0]);
  });

  it('after a reconnect keeps the messages held, and marks chats the server no longer gives as closed', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor')])]),
    );
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    s = applyMessage(s, message(ids[0], 2, 'advisor'));
    s = { ...s, connection: { kind: 'reconnecting', attempt: 1, lastError: null } };

    s = applyReady(s, ready([conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor')])]));
    expect(s.connection.kind).toBe('connected');
    expect(s.chats[0]?.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(s.chats[1]).toMatchObject({ closedBy: 'system' });
    expect(s.announcements.at(-1)?.event).toEqual({ kind: 'connection-restored' });
  });

  it('closes once, and dismissing a closed chat selects the next one', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi'), conversation(ids[1], 'Anna')]),
    );
    s = applyClosed(s, { conversationId: ids[0], closedBy: 'visitor' });
    const count = s.announcements.length;
    expect(applyClosed(s, { conversationId: ids[0], closedBy: 'advisor' })).toBe(s);
    expect(s.announcements).toHaveLength(count);
    s = dismiss(s, ids[0]);
    expect(s.chats.map((c) => c.conversation.id)).toEqual([ids[1]]);
    expect(s.selectedId).toBe(ids[1]);
    expect(dismiss(s, ids[1]).chats).toHaveLength(1);
  });
});
