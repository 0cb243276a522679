import {
  type Audience,
  PROVINCES,
  type ProvinceState,
  provinceBySigla,
  provinceState,
  REGIONS,
  type RegionState,
  type RolloutPhase,
  type RolloutPlace,
  regionState,
} from '@infocig/shared';
import type { MapSelection, MapStates } from './RolloutMap.tsx';

/** A version of the plan as the server keeps it. */
export interface PlanVersion {
  version: number;
  phases: RolloutPhase[];
  changedBy: string;
  changedAt: string;
  reason: string;
}

export interface Reach {
  admitted: number;
  closed: number;
}
export interface ReachPreview {
  basedOn: number;
  today: Record<Audience, Reach>;
  onceScheduledBegin: Record<Audience, Reach>;
}

export const placeOf = (s: MapSelection): RolloutPlace =>
  s.kind === 'region' ? { kind: 'region', code: s.istat } : { kind: 'province', code: s.sigla };

export function placeName(place: RolloutPlace, italy: string): string {
  switch (place.kind) {
    case 'italy':
      return italy;
    case 'region':
      return REGIONS.find((r) => r.istat === place.code)?.name ?? place.code;
    case 'province': {
      const p = provinceBySigla(place.code);
      return p ? `${p.name} (${p.sigla})` : place.code;
    }
  }
}

export function selectionState(
  phases: readonly RolloutPhase[],
  audience: Audience,
  s: MapSelection,
  day: string,
): RegionState | ProvinceState {
  return s.kind === 'region'
    ? regionState(phases, audience, s.istat, day)
    : provinceState(phases, audience, s.sigla, day);
}

/** Every region's and province's state for the map and the list. */
export function mapStates(phases: readonly RolloutPhase[], audience: Audience, day: string): MapStates {
  return {
    regions: Object.fromEntries(
      REGIONS.map((r) => [r.istat, regionState(phases, audience, r.istat, day).state]),
    ),
    provinces: Object.fromEntries(
      PROVINCES.map((p) => [p.sigla, provinceState(phases, audience, p.sigla, day).state]),
    ),
  };
}
