import { type Province, provinceBySigla, provincesOfRegion, REGIONS } from '../domain/provinces.ts';
import { AUDIENCES, type Audience } from '../domain/roles.ts';
import { admission, type RolloutPhase, type RolloutPlace } from './plan.ts';

/** What the plan means for one audience in one province on a day. */
export type ProvinceState = { state: 'open' } | { state: 'scheduled'; from: string } | { state: 'closed' };

/** A region's state when all its provinces agree; `mixed` when they do not. */
export type RegionState = ProvinceState | { state: 'mixed' };

export interface PlanChange {
  added: RolloutPhase[];
  removed: RolloutPhase[];
}

export function provinceState(
  plan: readonly RolloutPhase[],
  audience: Audience,
  sigla: string,
  day: string,
): ProvinceState {
  const { admitted, availableFrom } = admission(plan, audience, sigla, day);
  if (admitted) return { state: 'open' };
  return availableFrom === null ? { state: 'closed' } : { state: 'scheduled', from: availableFrom };
}

export function regionState(
  plan: readonly RolloutPhase[],
  audience: Audience,
  regionIstat: string,
  day: string,
): RegionState {
  const states = provincesOfRegion(regionIstat).map((p) => provinceState(plan, audience, p.sigla, day));
  const [first, ...rest] = states;
  if (!first) return { state: 'closed' };
  return rest.every((s) => sameState(s, first)) ? first : { state: 'mixed' };
}

function sameState(a: ProvinceState, b: ProvinceState): boolean {
  return a.state === b.state && (a.state !== 'scheduled' || b.state !== 'scheduled' || a.from === b.from);
}

/**
 * Opens `place` to `audience` from `from`. Phases of the audience inside the place that open on or
 * after `from` are dropped as redundant; earlier ones are kept so no province is postponed. No phase
 * is added when every province of the place is already open by `from`.
 */
export function openPlace(
  plan: readonly RolloutPhase[],
  audience: Audience,
  place: RolloutPlace,
  from: string,
  note?: string,
): RolloutPhase[] {
  const kept = plan.filter((p) => !(p.audience === audience && within(p.place, place) && p.from >= from));
  const alreadyOpen = provincesIn(place).every((p) => admission(kept, audience, p.sigla, from).admitted);
  if (alreadyOpen) return normalise(kept);
  return normalise([...kept, phase(audience, place, from, note)]);
}

/**
 * Closes `place` to `audience`: phases inside it are dropped and broader phases covering it are
 * replaced by phases for their remaining parts, so every other province keeps its dates.
 */
export function closePlace(
  plan: readonly RolloutPhase[],
  audience: Audience,
  place: RolloutPlace,
): RolloutPhase[] {
  return normalise(
    plan.flatMap((p) => {
      if (p.audience !== audience) return [p];
      if (within(p.place, place)) return [];
      if (!within(place, p.place)) return [p];
      return remainder(p.place, place).map((part) => phase(p.audience, part, p.from, p.note));
    }),
  );
}

/** Phases only in `after` (added) and only in `before` (removed), by audience, place and date. */
export function describeChange(before: readonly RolloutPhase[], after: readonly RolloutPhase[]): PlanChange {
  const beforeKeys = new Set(before.map(phaseKey));
  const afterKeys = new Set(after.map(phaseKey));
  return {
    added: normalise(after.filter((p) => !beforeKeys.has(phaseKey(p)))),
    removed: normalise(before.filter((p) => !afterKeys.has(phaseKey(p)))),
  };
}

function phase(
  audience: Audience,
  place: RolloutPlace,
  from: string,
  note: string | undefined,
): RolloutPhase {
  return note === undefined ? { audience, place, from } : { audience, place, from, note };
}

/** Whether every province of `inner` is in `outer`. */
function within(inner: RolloutPlace, outer: RolloutPlace): boolean {
  switch (outer.kind) {
    case 'italy':
      return true;
    case 'region':
      return inner.kind === 'region'
        ? inner.code === outer.code
        : inner.kind === 'province' && provinceBySigla(inner.code)?.regionIstat === outer.code;
    case 'province':
      return inner.kind === 'province' && inner.code === outer.code;
  }
}

function provincesIn(place: RolloutPlace): readonly Province[] {
  switch (place.kind) {
    case 'italy':
      return REGIONS.flatMap((r) => provincesOfRegion(r.istat));
    case 'region':
      return provincesOfRegion(place.code);
    case 'province': {
      const province = provinceBySigla(place.code);
      return province ? [province] : [];
    }
  }
}

/** The coarsest places that together cover `outer` without `hole`, which lies inside `outer`. */
function remainder(outer: RolloutPlace, hole: RolloutPlace): RolloutPlace[] {
  if (outer.kind === 'province' || hole.kind === 'italy') return [];
  if (outer.kind === 'region') {
    return provincesOfRegion(outer.code)
      .filter((p) => p.sigla !== hole.code)
      .map((p) => ({ kind: 'province', code: p.sigla }));
  }
  const holeRegion = hole.kind === 'region' ? hole.code : provinceBySigla(hole.code)?.regionIstat;
  const otherRegions: RolloutPlace[] = REGIONS.filter((r) => r.istat !== holeRegion).map((r) => ({
    kind: 'region',
    code: r.istat,
  }));
  if (hole.kind === 'region' || holeRegion === undefined) return otherRegions;
  return [...otherRegions, ...remainder({ kind: 'region', code: holeRegion }, hole)];
}

function placeKey(place: RolloutPlace): string {
  return place.kind === 'italy' ? '0' : `${place.kind === 'region' ? 1 : 2}:${place.code}`;
}

function phaseKey(p: RolloutPhase): string {
  return `${p.audience}|${p.from}|${placeKey(p.place)}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePhases(a: RolloutPhase, b: RolloutPhase): number {
  return (
    AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience) ||
    compareStrings(a.from, b.from) ||
    compareStrings(placeKey(a.place), placeKey(b.place)) ||
    compareStrings(a.note ?? '', b.note ?? '') ||
    Number(a.note !== undefined) - Number(b.note !== undefined)
  );
}

/** Sorted and without exact duplicates, so equal plans serialise equally. */
function normalise(plan: readonly RolloutPhase[]): RolloutPhase[] {
  const sorted = [...plan].sort(comparePhases);
  return sorted.filter((p, i) => i === 0 || comparePhases(sorted[i - 1]!, p) !== 0);
}
