import { type ChatMessage, handshakeAuth, NAMESPACES } from '@infocig/shared';
import { io, type Socket } from 'socket.io-client';
import type { AdvisorSpec, Target } from '../ipc.ts';
import { now } from './clock.ts';
import { command, type GeneratorContext, sendMessage, socketOptions, streamsTo } from './context.ts';

interface Held {
  id: string;
  /** Visitor messages answered so far (scripted chats). */
  replies: number;
}

/**
 * An INPS advisor's console: connect, choose queues and capacity, take the chats handed out, answer
 * them (in step with the visitor, or at the stream's rate), and see them closed.
 */
export class Advisor {
  socket: Socket | undefined;
  private held = new Map<string, Held>();
  /** When a slot last freed, to time the next assignment while chats wait. */
  private freedAt: number | undefined;

  constructor(
    private readonly ctx: GeneratorContext,
    readonly spec: AdvisorSpec,
    private readonly target: Target,
    private readonly url: string,
  ) {}

  /** Resolves once connected and configured with `capacity`; false if refused. */
  async connect(capacity: number): Promise<boolean> {
    const { ctx, spec } = this;
    const auth =
      this.target === 'infocig'
        ? handshakeAuth(await ctx.mint({ sub: spec.sub, role: 'advisor', name: spec.name }))
        : { advisorId: spec.sub };
    const socket = io(`${this.url}${NAMESPACES.advisor}`, socketOptions(ctx, auth));
    this.socket = socket;
    socket.on('chat:assigned', (conversation: { id: string; openedAt: string }) => {
      ctx.metrics.record('assignmentAdvisor', Date.now() - Date.parse(conversation.openedAt));
      ctx.metrics.counters.advisorAssignments++;
      if (this.freedAt !== undefined) ctx.metrics.record('reassignment', now() - this.freedAt);
      this.freedAt = undefined;
      this.hold(conversation.id);
    });
    socket.on('chat:message', (message: ChatMessage) => this.onMessage(message));
    socket.on('chat:closed', ({ conversationId }: { conversationId: string }) => {
      this.release(conversationId);
      this.freedAt = now();
    });
    socket.on('disconnect', () => {
      ctx.metrics.counters.advisorsConnected--;
      for (const id of this.held.keys()) ctx.pacer.remove(this.key(id));
    });
    const ready = new Promise<void>((resolve) => socket.once('session:ready', () => resolve()));
    const accepted = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('connect_error', () => resolve(false));
    });
    if (!accepted) {
      ctx.metrics.counters.connectFailures++;
      return false;
    }
    ctx.metrics.counters.advisorsConnected++;
    if (this.target === 'relay') {
      for (const id of spec.relayConversations ?? []) this.hold(id);
      return true;
    }
    await ready;
    await command(socket, 'advisor:settings', { queues: ['workers', 'employers'], capacity });
    await command(socket, 'advisor:availability', { availability: 'available' });
    return true;
  }

  private key(conversationId: string): string {
    return `a:${conversationId}`;
  }

  private hold(conversationId: string): void {
    if (!this.held.has(conversationId)) this.held.set(conversationId, { id: conversationId, replies: 0 });
    if (streamsTo(this.ctx, this.target)) this.stream(conversationId);
  }

  private stream(conversationId: string): void {
    this.ctx.pacer.add({
      key: this.key(conversationId),
      send: () => {
        if (this.socket?.connected) sendMessage(this.ctx, this.socket, 'advisor', conversationId);
      },
    });
  }

  private release(conversationId: string): void {
    this.held.delete(conversationId);
    this.ctx.pacer.remove(this.key(conversationId));
    this.ctx.metrics.forget(conversationId);
  }

  private onMessage(message: ChatMessage): void {
    const { metrics, behaviour } = this.ctx;
    if (message.author === 'visitor' && !this.held.has(message.conversationId) && this.target === 'infocig') {
      // The product pushes the visitor's message before this advisor's `chat:assigned` arrives.
      metrics.counters.messagesBeforeAssignment++;
    }
    const fresh = metrics.received('advisor', message);
    if (!fresh || behaviour.kind !== 'script' || message.author !== 'visitor') return;
    const held = this.held.get(message.conversationId) ?? { id: message.conversationId, replies: 0 };
    this.held.set(held.id, held);
    held.replies++;
    setTimeout(() => {
      if (this.socket?.connected) sendMessage(this.ctx, this.socket, 'advisor', held.id);
    }, behaviour.thinkMs);
  }

  /** Starts or stops streaming into every held chat, for a change of behaviour. */
  rejoin(): void {
    for (const id of this.held.keys()) {
      if (streamsTo(this.ctx, this.target)) this.stream(id);
      else this.ctx.pacer.remove(this.key(id));
    }
  }

  disconnect(): void {
    for (const id of this.held.keys()) this.ctx.pacer.remove(this.key(id));
    this.held.clear();
    this.socket?.disconnect();
  }
}
