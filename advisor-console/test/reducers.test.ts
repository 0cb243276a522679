import { describe, expect, it } from 'vitest';
import {
  applyAssigned,
  applyClosed,
  applyMessage,
  applyNoLongerHeld,
  applyReady,
  applyReleased,
  dismiss,
  select,
  updateMessages,
} from '../src/session/reducers.ts';
import { type ConsoleState, initialConsoleState } from '../src/session/state.ts';
import { conversation, events, ids, message, ready } from './support/fixtures.ts';

describe('console state', () => {
  it('selects the first assigned chat, counts unread in the others and announces arrivals', () => {
    let s: ConsoleState = applyReady(initialConsoleState, ready([]));
    s = applyAssigned(s, conversation(ids[0], 'Mario Rossi'));
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    expect(s.selectedId).toBe(ids[0]);
    expect(events(s)).toContainEqual({ kind: 'assigned', visitorName: 'Anna Esposito' });

    s = applyMessage(s, message(ids[1], 1, 'visitor'));
    s = applyMessage(s, message(ids[1], 1, 'visitor'));
    s = applyMessage(s, message(ids[0], 1, 'visitor'));
    expect(s.chats.map((c) => c.unread)).toEqual([0, 1]);
    s = select(s, ids[1]);
    expect(s.chats.map((c) => c.unread)).toEqual([0, 0]);
  });

  it('keeps a message that arrives before its chat and shows it, once, when the chat arrives', () => {
    let s: ConsoleState = applyReady(initialConsoleState, ready([]));
    s = applyMessage(s, message(ids[0], 2, 'visitor'));
    s = applyMessage(s, message(ids[1], 1, 'visitor'));
    expect(s.chats).toEqual([]);

    s = applyAssigned(
      s,
      conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor'), message(ids[0], 2, 'visitor')]),
    );
    expect(s.chats[0]?.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(s.early.map((m) => m.conversationId)).toEqual([ids[1]]);
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    expect(s.chats[1]?.messages.map((m) => m.seq)).toEqual([1]);
    expect(s.early).toEqual([]);
  });

  it('after a reconnect keeps the messages held, and drops chats the server no longer gives', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor')])]),
    );
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    s = applyAssigned(s, conversation(ids[2], 'Luca Ferrari'));
    s = applyClosed(s, { conversationId: ids[2], closedBy: 'advisor' });
    s = applyMessage(select(s, ids[1]), message(ids[0], 2, 'advisor'));
    s = { ...s, connection: { kind: 'reconnecting', attempt: 1, lastError: null } };

    s = applyReady(s, ready([conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor')])]));
    expect(s.connection.kind).toBe('connected');
    expect(s.chats[0]?.messages.map((m) => m.seq)).toEqual([1, 2]);
    // Anna's chat went on without us: it leaves the screen, messages and all. The one we saw
    // close stays until dismissed.
    expect(s.chats.map((c) => c.conversation.id)).toEqual([ids[0], ids[2]]);
    expect(s.selectedId).toBe(ids[0]);
    expect(events(s).slice(-2)).toEqual([
      { kind: 'released', visitorName: 'Anna Esposito', reason: 'no_longer_held' },
      { kind: 'connection-restored' },
    ]);
  });

  it('drops a chat the server refuses as no longer ours, and says so', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi'), conversation(ids[1], 'Anna')]),
    );
    s = applyNoLongerHeld(s, ids[0]);
    expect(s.chats.map((c) => c.conversation.id)).toEqual([ids[1]]);
    expect(s.selectedId).toBe(ids[1]);
    expect(events(s).at(-1)).toEqual({
      kind: 'released',
      visitorName: 'Mario Rossi',
      reason: 'no_longer_held',
    });
  });

  it('never lets a message into another conversation’s list', () => {
    const stray = message(ids[1], 7, 'visitor');
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi', [message(ids[0], 1, 'visitor'), stray])]),
    );
    expect(s.chats[0]?.messages.map((m) => [m.conversationId, m.seq])).toEqual([[ids[0], 1]]);
    s = updateMessages(s, ids[0], (list) => [...list, { ...stray, delivery: 'sent' }]);
    expect(s.chats[0]?.messages.map((m) => m.conversationId)).toEqual([ids[0]]);
    s = applyAssigned(s, conversation(ids[1], 'Anna Esposito'));
    s = applyMessage(s, stray);
    expect(s.chats.map((c) => c.messages.map((m) => m.conversationId))).toEqual([[ids[0]], [ids[1]]]);
  });

  it('closes once, with the reason, and dismissing a closed chat selects the next one', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi'), conversation(ids[1], 'Anna')]),
    );
    s = applyClosed(s, { conversationId: ids[0], closedBy: 'system', reason: 'visitor_left' });
    expect(s.chats[0]).toMatchObject({ closedBy: 'system', closeReason: 'visitor_left' });
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'closed',
      visitorName: 'Mario Rossi',
      closedBy: 'system',
      reason: 'visitor_left',
    });
    const count = s.announcements.length;
    expect(applyClosed(s, { conversationId: ids[0], closedBy: 'advisor' })).toBe(s);
    expect(s.announcements).toHaveLength(count);
    s = dismiss(s, ids[0]);
    expect(s.chats.map((c) => c.conversation.id)).toEqual([ids[1]]);
    expect(s.selectedId).toBe(ids[1]);
    expect(dismiss(s, ids[1]).chats).toHaveLength(1);
  });

  it('removes a released chat at once, says why, and selects the next', () => {
    let s = applyReady(
      initialConsoleState,
      ready([conversation(ids[0], 'Mario Rossi'), conversation(ids[1], 'Anna')]),
    );
    s = applyMessage(select(s, ids[0]), message(ids[1], 1, 'visitor'));
    s = applyReleased(s, { conversationId: ids[0], reason: 'transferred' });
    expect(s.chats.map((c) => c.conversation.id)).toEqual([ids[1]]);
    expect(s.selectedId).toBe(ids[1]);
    expect(s.chats[0]?.unread).toBe(0);
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'released',
      visitorName: 'Mario Rossi',
      reason: 'transferred',
    });
    expect(applyReleased(s, { conversationId: ids[0], reason: 'transferred' })).toBe(s);
  });

  it('announces service notices in a chat as notices, not as the person writing', () => {
    let s = applyReady(initialConsoleState, ready([conversation(ids[0], 'Mario Rossi')]));
    s = applyMessage(s, { ...message(ids[0], 1, 'system'), text: 'La chat verrà chiusa tra 2 minuti.' });
    expect(s.announcements.at(-1)?.event).toEqual({
      kind: 'notice',
      visitorName: 'Mario Rossi',
      text: 'La chat verrà chiusa tra 2 minuti.',
    });
  });
});
