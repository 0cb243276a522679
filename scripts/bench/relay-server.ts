/**
 * The ceiling: a bare Socket.IO relay on the same machine, with the product's message shape and
 * fan-out but nothing else — no token check, no Redis, no database, no adapter. A visitor's socket
 * names its conversation and advisor in `auth`; `chat:send` is acked with a seq and pushed to the
 * visitor's room and the advisor's room, as infocig does.
 */
import { createServer } from 'node:http';
import { LIMITS, NAMESPACES } from '@infocig/shared';
import { Server, type Socket } from 'socket.io';

interface Send {
  conversationId: string;
  clientMessageId: string;
  text: string;
}
type Ack = (response: unknown) => void;

const http = createServer();
const io = new Server(http, {
  serveClient: false,
  maxHttpBufferSize: LIMITS.maxPacketBytes,
  cors: { origin: false },
});
const visitors = io.of(NAMESPACES.visitor);
const advisors = io.of(NAMESPACES.advisor);
const advisorOf = new Map<string, string>();
const lastSeq = new Map<string, number>();

function relay(socket: Socket, author: 'visitor' | 'advisor') {
  socket.on('chat:send', (payload: Send, ack: Ack) => {
    if (typeof ack !== 'function' || typeof payload?.conversationId !== 'string') return;
    const { conversationId, clientMessageId, text } = payload;
    const seq = (lastSeq.get(conversationId) ?? 0) + 1;
    lastSeq.set(conversationId, seq);
    const sentAt = new Date().toISOString();
    const message = { conversationId, seq, clientMessageId, author, authorName: author, text, sentAt };
    visitors.to(`c:${conversationId}`).emit('chat:message', message);
    const advisorId = advisorOf.get(conversationId);
    if (advisorId) advisors.to(`a:${advisorId}`).emit('chat:message', message);
    ack({ ok: true, data: { seq, sentAt, duplicate: false } });
  });
}

visitors.on('connection', (socket) => {
  const { conversationId, advisorId } = socket.handshake.auth as {
    conversationId?: string;
    advisorId?: string;
  };
  if (conversationId) {
    void socket.join(`c:${conversationId}`);
    if (advisorId) advisorOf.set(conversationId, advisorId);
  }
  relay(socket, 'visitor');
});

advisors.on('connection', (socket) => {
  const { advisorId } = socket.handshake.auth as { advisorId?: string };
  if (advisorId) void socket.join(`a:${advisorId}`);
  relay(socket, 'advisor');
});

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (typeof address === 'object' && address) process.send?.({ port: address.port });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
