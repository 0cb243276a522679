import type { chatCommands } from '@infocig/shared';
import type { ChatService } from '../chat/chat-service.ts';
import type { Participant } from '../chat/conversation-record.ts';
import type { SessionCommands } from './commands.ts';

/** What the conversation commands need of the socket that sends them. */
export interface ChatSession {
  me: Participant;
  /** The sending socket, which is not sent its own message back. */
  socketId: string;
}

/** The conversation commands both sides send, built once for either namespace. */
export function chatCommandHandlers(chat: ChatService): SessionCommands<typeof chatCommands, ChatSession> {
  return {
    'chat:send': ({ me, socketId }, { conversationId, clientMessageId, text }) =>
      chat.send(me, conversationId, clientMessageId, text, socketId),
    'chat:history': ({ me }, { conversationId, afterSeq, limit }) =>
      chat.history(me, conversationId, afterSeq, limit),
    'chat:close': ({ me }, { conversationId }) => chat.close(me, conversationId),
    'chat:typing': ({ me }, { conversationId, typing }) => chat.typing(me, conversationId, typing),
    'chat:read': ({ me }, { conversationId, seq }) => chat.read(me, conversationId, seq),
  };
}
