import { z } from 'zod';
import { provinceBySigla, REGIONS } from '../domain/provinces.ts';
import { AUDIENCES, type Audience } from '../domain/roles.ts';
import { IsoDateSchema } from '../protocol/common.ts';

/** Where a phase applies: all of Italy, one region (ISTAT code) or one province (sigla). */
export const RolloutPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('italy') }),
  z.object({
    kind: z.literal('region'),
    code: z.string().refine((c) => REGIONS.some((r) => r.istat === c), 'unknown region'),
  }),
  z.object({
    kind: z.literal('province'),
    code: z.string().refine((c) => provinceBySigla(c) !== undefined, 'unknown province'),
  }),
]);
export type RolloutPlace = z.infer<typeof RolloutPlaceSchema>;

/**
 * From `from` (a date, Italian calendar), the service is open to `audience` in `place`. Workers
 * are placed by province of residence, employers and intermediaries by the company's legal seat.
 * Example: `{ audience: 'employers', place: { kind: 'province', code: 'MI' }, from: '2022-12-15' }`
 */
export const RolloutPhaseSchema = z.object({
  audience: z.enum(AUDIENCES),
  place: RolloutPlaceSchema,
  from: IsoDateSchema,
  /** Why the phase exists or where its date comes from. */
  note: z.string().max(500).optional(),
});
export type RolloutPhase = z.infer<typeof RolloutPhaseSchema>;

export const RolloutPlanSchema = z.array(RolloutPhaseSchema).max(1000);

function covers(place: RolloutPlace, provinceSigla: string): boolean {
  switch (place.kind) {
    case 'italy':
      return true;
    case 'region':
      return provinceBySigla(provinceSigla)?.regionIstat === place.code;
    case 'province':
      return place.code === provinceSigla;
  }
}

export interface Admission {
  admitted: boolean;
  /** When the service opens for this audience and place, if a phase is planned; null if not known. */
  availableFrom: string | null;
}

/** Whether the plan admits an audience in a province on a day (`YYYY-MM-DD`, Italian calendar). */
export function admission(
  plan: readonly RolloutPhase[],
  audience: Audience,
  provinceSigla: string | undefined,
  day: string,
): Admission {
  if (!provinceSigla) return { admitted: false, availableFrom: null };
  const applicable = plan
    .filter((p) => p.audience === audience && covers(p.place, provinceSigla))
    .map((p) => p.from)
    .sort();
  if (applicable.some((from) => from <= day)) return { admitted: true, availableFrom: null };
  return { admitted: false, availableFrom: applicable[0] ?? null };
}

// Built once: constructing a formatter per call cost 12% of server CPU while visitors connect (bench).
const ITALIAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

let lastMinute = Number.NaN;
let lastDay = '';

/** Today's date in Italy, `YYYY-MM-DD`. */
export function italianDay(at: Date): string {
  // Asked several times per connect and per claim: the answer of the same minute is kept, since
  // Italy's day (whole-hour offsets) can only change on a whole minute.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = ITALIAN_DAY.format(at);
    lastMinute = minute;
  }
  return lastDay;
}
