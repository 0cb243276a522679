import { z } from 'zod';

/** `points` calls per `seconds`, written `POINTS/SECONDS` in the environment (e.g. `5/1`, `10/86400`). */
export interface Rate {
  points: number;
  seconds: number;
}

const rate = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'expected POINTS/SECONDS, e.g. 5/1')
    .default(fallback)
    .transform((spec, ctx): Rate => {
      const [points, seconds] = spec.split('/').map(Number) as [number, number];
      if (points < 1 || seconds < 1) {
        ctx.addIssue({ code: 'custom', message: 'points and seconds must be at least 1' });
        return z.NEVER;
      }
      return { points, seconds };
    });

/**
 * Abuse limits. Defaults are far above what a person does (a person writes a message every few
 * seconds, opens a handful of tabs) and far below what a script does. Per-socket limits are kept in
 * the process holding the socket; per-identity and per-address limits in Redis, so they hold
 * across server processes.
 */
export const LimitsEnvSchema = z.object({
  /** Messages (`chat:send`) from one socket: a sustained rate and, on top of it, a burst allowance. */
  LIMIT_MESSAGES_PER_SOCKET: rate('3/1'),
  LIMIT_MESSAGES_BURST_PER_SOCKET: rate('20/10'),
  /** Messages from one person or advisor across all their sockets and processes. */
  LIMIT_MESSAGES_PER_IDENTITY: rate('5/1'),
  LIMIT_MESSAGES_BURST_PER_IDENTITY: rate('40/10'),
  LIMIT_TYPING_PER_IDENTITY: rate('30/10'),
  LIMIT_READS_PER_IDENTITY: rate('120/10'),
  LIMIT_CHAT_REQUESTS_PER_IDENTITY: rate('10/60'),
  /** Follow-ups one person may leave in a day. */
  LIMIT_FOLLOWUPS_PER_DAY: z.coerce.number().int().min(1).default(10),
  /** Referrals to INPS offices one advisor may open in a day. */
  LIMIT_REFERRALS_PER_DAY: z.coerce.number().int().min(1).default(200),
  /** Every other command from one socket (reads of claims, history, lists, settings). */
  LIMIT_COMMANDS_PER_SOCKET: rate('10/1'),
  LIMIT_COMMANDS_BURST_PER_SOCKET: rate('60/10'),
  /** Socket.IO handshakes from one address (an office behind one NAT counts once) and one identity. */
  LIMIT_HANDSHAKES_PER_IP: rate('600/60'),
  LIMIT_HANDSHAKES_PER_IDENTITY: rate('30/60'),
  /** REST requests from one address. */
  LIMIT_REST_PER_IP: rate('300/60'),
  /** A socket refused this many commands in a row is closed (`session:closing`); 0 never closes it. */
  LIMIT_DISCONNECT_AFTER: z.coerce.number().int().min(0).default(100),
});

type LimitsEnv = z.output<typeof LimitsEnvSchema>;

export interface LimitsConfig {
  messagesPerSocket: Rate;
  messagesBurstPerSocket: Rate;
  messagesPerIdentity: Rate;
  messagesBurstPerIdentity: Rate;
  typingPerIdentity: Rate;
  readsPerIdentity: Rate;
  chatRequestsPerIdentity: Rate;
  followUpsPerDay: Rate;
  referralsPerDay: Rate;
  commandsPerSocket: Rate;
  commandsBurstPerSocket: Rate;
  handshakesPerIp: Rate;
  handshakesPerIdentity: Rate;
  restPerIp: Rate;
  disconnectAfter: number;
}

export function limitsFrom(e: LimitsEnv): LimitsConfig {
  return {
    messagesPerSocket: e.LIMIT_MESSAGES_PER_SOCKET,
    messagesBurstPerSocket: e.LIMIT_MESSAGES_BURST_PER_SOCKET,
    messagesPerIdentity: e.LIMIT_MESSAGES_PER_IDENTITY,
    messagesBurstPerIdentity: e.LIMIT_MESSAGES_BURST_PER_IDENTITY,
    typingPerIdentity: e.LIMIT_TYPING_PER_IDENTITY,
    readsPerIdentity: e.LIMIT_READS_PER_IDENTITY,
    chatRequestsPerIdentity: e.LIMIT_CHAT_REQUESTS_PER_IDENTITY,
    followUpsPerDay: { points: e.LIMIT_FOLLOWUPS_PER_DAY, seconds: 86_400 },
    referralsPerDay: { points: e.LIMIT_REFERRALS_PER_DAY, seconds: 86_400 },
    commandsPerSocket: e.LIMIT_COMMANDS_PER_SOCKET,
    commandsBurstPerSocket: e.LIMIT_COMMANDS_BURST_PER_SOCKET,
    handshakesPerIp: e.LIMIT_HANDSHAKES_PER_IP,
    handshakesPerIdentity: e.LIMIT_HANDSHAKES_PER_IDENTITY,
    restPerIp: e.LIMIT_REST_PER_IP,
    disconnectAfter: e.LIMIT_DISCONNECT_AFTER,
  };
}
