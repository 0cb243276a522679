import type { AdvisorFollowUp, AdvisorProfile, AssignedConversation, ChatMessage } from '@infocig/shared';
import type { ConsoleState, Push } from '../../src/session/state.ts';

export const ids = [
  '01JD3Q7J0X7M2Y5V9W4T6R8S1A',
  '01JD3Q7J0X7M2Y5V9W4T6R8S1B',
  '01JD3Q7J0X7M2Y5V9W4T6R8S1C',
] as const;

export function conversation(id: string, name: string, messages: ChatMessage[] = []): AssignedConversation {
  return {
    id,
    queue: 'workers',
    topic: 'Pagamento di marzo',
    openedAt: '2026-11-22T15:00:00.000Z',
    assignedAt: '2026-11-22T15:01:00.000Z',
    visitor: { role: 'lavoratore', displayName: name, codiceFiscale: 'RSSMRA80D12H501G', province: 'RM' },
    subject: {},
    claims: [],
    messages,
    readUpTo: { visitor: 0, advisor: 0 },
    notes: [],
  };
}

export const message = (conversationId: string, seq: number, author: ChatMessage['author']): ChatMessage => ({
  conversationId,
  seq,
  clientMessageId: `c-${seq}`,
  author,
  authorName: author,
  text: `text ${seq}`,
  sentAt: '2026-11-22T15:02:00.000Z',
});

export const profile: AdvisorProfile = {
  availability: 'available',
  queues: ['workers', 'employers'],
  capacity: 3,
  activeChats: 0,
};

export const ready = (conversations: AssignedConversation[]): Push<'session:ready'> => ({
  protocolVersion: 1,
  identity: { role: 'advisor', displayName: 'Paolo Romano' },
  office: null,
  availability: 'available',
  profile,
  conversations,
});

export function followUp(id: string, name: string): AdvisorFollowUp {
  return {
    id,
    kind: 'message',
    office: null,
    queue: 'workers',
    topic: '',
    text: 'Non ho ricevuto il pagamento.',
    createdAt: '2026-11-22T19:00:00.000Z',
    status: 'open',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    visitor: { role: 'lavoratore', displayName: name, codiceFiscale: 'RSSMRA80D12H501G' },
  };
}

export const events = (s: ConsoleState) => s.announcements.map((a) => a.event);
