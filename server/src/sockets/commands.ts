import { type Ack, type CommandContract, isMessageTooLong } from '@infocig/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, toWireError, validationError } from '../errors/app-error.ts';
import type { SocketData } from '../realtime/typed-sockets.ts';

type Registry = Record<string, CommandContract<z.ZodType, z.ZodType>>;

export type CommandHandlers<R extends Registry> = {
  [K in keyof R]: (payload: z.output<R[K]['payload']>) => Promise<z.output<R[K]['result']>>;
};

/**
 * Binds every command of a registry to its handler: the payload is validated against the shared
 * schema, the identity is still valid, and the ack is always called once — with the result or a
 * coded error. A failing command never disturbs the socket, other sockets or the process.
 */
export function bindCommands<R extends Registry>(
  socket: Socket,
  registry: R,
  handlers: CommandHandlers<R>,
  log: FastifyBaseLogger,
): void {
  for (const name of Object.keys(registry) as (keyof R & string)[]) {
    // Untyped on purpose: what arrives is unknown until the schema has parsed it.
    const schema: z.ZodType = (registry[name] as CommandContract<z.ZodType, z.ZodType>).payload;
    const handler = handlers[name] as (payload: unknown) => Promise<unknown>;
    const event: string = name;
    socket.on(event, async (...args: unknown[]) => {
      const { payload, reply } = commandArguments(args);
      if (!reply) {
        log.debug({ event: name }, 'command without ack ignored');
        return;
      }
      try {
        assertFresh(socket);
        reply({ ok: true, data: await handler(parse(schema, payload)) });
      } catch (error) {
        const wire = toWireError(error);
        // An outage is expected and already answered with a code: one line, not a stack per command.
        if (wire.code === 'SERVICE_UNAVAILABLE')
          log.warn({ event: name }, 'command failed: a dependency is unreachable');
        else if (!(error instanceof AppError)) log.error({ err: error, event: name }, 'command failed');
        reply({ ok: false, error: wire });
        if (error instanceof AppError && error.code === 'AUTH_TOKEN_EXPIRED') socket.disconnect(true);
      }
    });
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
