import type { chatCommands } from '@infocig/shared';
import type { ChatService } from '../chat/chat-service.ts';
import type { Participant } from '../chat/conversation-record.ts';
import type { CommandHandlers } from './commands.ts';

/** The conversation commands both sides send, bound once for either namespace. */
export function chatCommandHandlers(
  chat: ChatService,
  me: Participant,
  socketId: string,
): CommandHandlers<typeof chatCommands> {
  return {
    'chat:send': ({ conversationId, clientMessageId, text }) =>
      chat.send(me, conversationId, clientMessageId, text, socketId),
    'chat:history': ({ conversationId, afterSeq, limit }) =>
      chat.history(me, conversationId, afterSeq, limit),
    'chat:close': ({ conversationId }) => chat.close(me, conversationId),
    'chat:typing': ({ conversationId, typing }) => chat.typing(me, conversationId, typing),
    'chat:read': ({ conversationId, seq }) => chat.read(me, conversationId, seq),
  };
}
