import { handshakeAuth, NAMESPACES } from '@infocig/shared';
import { io } from 'socket.io-client';
import type { FloodReport, Person } from '../ipc.ts';
import { command, type GeneratorContext, socketOptions } from './context.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A socket that abuses the service: it opens a chat like anyone and then sends `perSecond`
 * messages for `durationMs`, open loop, without waiting for answers. Its texts carry no sending
 * time, so they never enter the delivery figures of honest chats.
 */
export async function flood(
  ctx: GeneratorContext,
  url: string,
  person: Person,
  perSecond: number,
  durationMs: number,
): Promise<FloodReport> {
  const token = await ctx.mint({
    sub: person.sub,
    role: 'lavoratore',
    name: person.name,
    province: person.province,
  });
  const socket = io(`${url}${NAMESPACES.visitor}`, socketOptions(ctx, handshakeAuth(token)));
  const report: FloodReport = {
    sent: 0,
    accepted: 0,
    limited: 0,
    otherErrors: 0,
    unanswered: 0,
    disconnected: false,
  };
  let leaving = false;
  socket.on('disconnect', () => {
    if (!leaving) report.disconnected = true;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const assigned = new Promise<void>((resolve) => socket.once('chat:assigned', () => resolve()));
  const { conversation } = await command<{ conversation: { id: string; status: string } }>(
    socket,
    'chat:request',
    {
      topic: 'flood',
    },
  );
  if (conversation.status !== 'active') await Promise.race([assigned, sleep(10_000)]);
  const startedAt = Date.now();
  let pending = 0;
  while (Date.now() - startedAt < durationMs && socket.connected) {
    const due = Math.floor(((Date.now() - startedAt) * perSecond) / 1000) - report.sent;
    for (let i = 0; i < due; i++) {
      report.sent++;
      pending++;
      socket
        .timeout(10_000)
        .emit(
          'chat:send',
          { conversationId: conversation.id, clientMessageId: `flood-${report.sent}`, text: 'flood' },
          (err: Error | null, res: { ok: boolean; error?: { code: string } }) => {
            pending--;
            if (err) report.unanswered++;
            else if (res.ok) report.accepted++;
            else if (res.error?.code === 'RATE_LIMITED') report.limited++;
            else report.otherErrors++;
          },
        );
    }
    await sleep(2);
  }
  const drainUntil = Date.now() + 10_000;
  while (pending > 0 && Date.now() < drainUntil) await sleep(20);
  leaving = true;
  socket.disconnect();
  return report;
}
