import { z } from 'zod';
import { AUDIENCES } from '../domain/roles.ts';
import { SessionIdentitySchema } from './common.ts';
import { IsoDateTimeSchema } from './common-dates.ts';
import { type CommandEventMap, command, type PushEventMap } from './contract.ts';
import { WireErrorSchema } from './errors.ts';
import { sessionCommands, sessionEvents } from './session.ts';

const Seconds = z.number().nonnegative().nullable();

/** How a queue stands now. Example: `{ queue: 'workers', waiting: 3, oldestWaitingSeconds: 95, … }` */
export const QueueOverviewSchema = z.object({
  queue: z.enum(AUDIENCES),
  waiting: z.number().int().nonnegative(),
  /** The longest wait now (null: nobody waits). */
  oldestWaitingSeconds: Seconds,
  /** Chats held by an advisor now. */
  assigned: z.number().int().nonnegative(),
  /** From opening to assignment, for chats assigned in the last hour (null: none were). */
  waitToAssignment: z.object({ p50: Seconds, p90: Seconds, count: z.number().int().nonnegative() }),
  /** Advisors serving this queue, by state: busy means available but at capacity. */
  advisors: z.object({
    available: z.number().int().nonnegative(),
    busy: z.number().int().nonnegative(),
    paused: z.number().int().nonnegative(),
    offline: z.number().int().nonnegative(),
  }),
  /** Held chats whose visitor or advisor has been away longer than their grace period. */
  pastGrace: z.number().int().nonnegative(),
});
export type QueueOverview = z.infer<typeof QueueOverviewSchema>;

export const AdvisorStateSchema = z.enum(['available', 'busy', 'paused', 'offline']);
export type AdvisorState = z.infer<typeof AdvisorStateSchema>;

/** An advisor as a supervisor sees them. */
export const AdvisorOverviewSchema = z.object({
  advisorId: z.string(),
  name: z.string(),
  state: AdvisorStateSchema,
  queues: z.array(z.enum(AUDIENCES)),
  capacity: z.number().int().nonnegative(),
  activeChats: z.number().int().nonnegative(),
  /** Since when the advisor is available, paused or offline (null: not known). */
  stateSince: IsoDateTimeSchema.nullable(),
  /** Paused by a supervisor (kept across the advisor's reconnects), not by their own choice. */
  pausedBySupervisor: z.boolean(),
});
export type AdvisorOverview = z.infer<typeof AdvisorOverviewSchema>;

/** Everything the supervisor's live view shows, read from the state every process shares. */
export const ServiceOverviewSchema = z.object({
  at: IsoDateTimeSchema,
  queues: z.array(QueueOverviewSchema),
  advisors: z.array(AdvisorOverviewSchema),
});
export type ServiceOverview = z.infer<typeof ServiceOverviewSchema>;

/** Commands on the `/supervisor` namespace. */
export const supervisorCommands = {
  ...sessionCommands,
  /** The overview now, without waiting for the next push. */
  'supervisor:overview': command(z.object({}).strict(), ServiceOverviewSchema),
};

/** Pushes on the `/supervisor` namespace. */
export const supervisorEvents = {
  ...sessionEvents,
  /** The session could not be set up (e.g. SERVICE_UNAVAILABLE); the socket closes next. */
  'session:error': WireErrorSchema,
  /** First thing after connecting: who you are and the overview now. */
  'session:ready': z.object({
    protocolVersion: z.number().int(),
    identity: SessionIdentitySchema,
    overview: ServiceOverviewSchema,
  }),
  /** The overview changed (any process's queues or advisors): sent when it differs, at most every second or two. */
  'supervisor:overview': ServiceOverviewSchema,
};

export type SupervisorClientEvents = CommandEventMap<typeof supervisorCommands>;
export type SupervisorServerEvents = PushEventMap<typeof supervisorEvents>;
