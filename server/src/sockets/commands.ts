import { type Ack, type CommandContract, isMessageTooLong } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, toWireError, validationError } from '../errors/app-error.ts';
import type { SocketData } from '../realtime/typed-sockets.ts';

type Registry = Record<string, CommandContract<z.ZodType, z.ZodType>>;

/** A namespace's handlers, shared by all its sockets: each is given the calling socket's session. */
export type SessionCommands<R extends Registry, S> = {
  [K in keyof R]: (session: S, payload: z.output<R[K]['payload']>) => Promise<z.output<R[K]['result']>>;
};

interface Command<S> {
  name: string;
  // Untyped on purpose: what arrives is unknown until the schema has parsed it.
  schema: z.ZodType;
  handler: (session: S, payload: unknown) => Promise<unknown>;
}

/** A namespace's commands, built once: its registry's schemas with their handlers. */
export interface CommandTable<S> {
  commands: Map<string, Command<S>>;
  log: FastifyBaseLogger;
}

export function commandTable<R extends Registry, S>(
  registry: R,
  handlers: SessionCommands<R, S>,
  log: FastifyBaseLogger,
): CommandTable<S> {
  const commands = new Map<string, Command<S>>();
  for (const name of Object.keys(registry) as (keyof R & string)[]) {
    commands.set(name, {
      name,
      schema: (registry[name] as CommandContract<z.ZodType, z.ZodType>).payload,
      handler: handlers[name] as Command<S>['handler'],
    });
  }
  return { commands, log };
}

/**
 * Serves a namespace's commands on one socket: the payload is validated against the shared
 * schema, the identity is still valid, and the ack is always called once — with the result or a
 * coded error. A failing command never disturbs the socket, other sockets or the process.
 * One middleware per socket, after the limits' (an idle socket holds no function per command:
 * memory per connection); anything else goes on to the socket's listeners.
 */
export function serveCommands<S>(socket: Socket, table: CommandTable<S>, session: S): void {
  socket.use((packet, next) => {
    const command = table.commands.get(String(packet[0]));
    if (!command) {
      next();
      return;
    }
    // As Socket.IO does for its listeners: a packet whose socket closed while the limits were
    // checked is dropped (its sender, never acked, sends it again once reconnected).
    if (socket.connected) void run(socket, command, session, packet.slice(1), table.log);
  });
}

async function run<S>(
  socket: Socket,
  command: Command<S>,
  session: S,
  args: unknown[],
  log: FastifyBaseLogger,
): Promise<void> {
  const { payload, reply } = commandArguments(args);
  if (!reply) {
    log.debug({ event: command.name }, 'command without ack ignored');
    return;
  }
  try {
    assertFresh(socket);
    reply({ ok: true, data: await command.handler(session, parse(command.schema, payload)) });
  } catch (error) {
    const wire = toWireError(error);
    // An outage is expected and already answered with a code: one line, not a stack per command.
    if (wire.code === 'SERVICE_UNAVAILABLE')
      log.warn({ event: command.name }, 'command failed: a dependency is unreachable');
    else if (!(error instanceof AppError)) log.error({ err: error, event: command.name }, 'command failed');
    reply({ ok: false, error: wire });
    if (error instanceof AppError && error.code === 'AUTH_TOKEN_EXPIRED') socket.disconnect(true);
  }
}

/**
 * `emit(name, payload, ack)` as it arrives: the ack is the last argument when it is a function,
 * so `emit(name, ack)` is a command with a missing payload (answered VALIDATION_FAILED), not one
 * without an ack.
 */
function commandArguments(args: unknown[]): { payload: unknown; reply?: (response: Ack<unknown>) => void } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { payload: args[0] };
  const ack = last as (response: Ack<unknown>) => void;
  return {
    payload: args.length > 1 ? args[0] : undefined,
    reply: (response) => {
      try {
        ack(response);
      } catch {
        // The ack belongs to Socket.IO; a socket closing mid-answer must not throw here.
      }
    },
  };
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  if (isOversizedText(payload)) throw new AppError('MESSAGE_TOO_LONG');
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function isOversizedText(payload: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || !('text' in payload)) return false;
  return typeof payload.text === 'string' && isMessageTooLong(payload.text);
}

/** A socket outlives its token's expiry only until its next command. */
function assertFresh(socket: Socket): void {
  const { identity } = socket.data as SocketData;
  if (identity.expiresAt * 1000 < Date.now()) throw new AppError('AUTH_TOKEN_EXPIRED');
}
