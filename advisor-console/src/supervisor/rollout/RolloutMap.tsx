import { PROVINCES, REGIONS } from '@infocig/shared';
import { useId } from 'react';
import italyMap from './italy-map.json';
import './rollout-map.css';

export type MapState = 'open' | 'scheduled' | 'closed' | 'mixed';

export const MAP_STATES: readonly MapState[] = ['open', 'scheduled', 'mixed', 'closed'];

export type MapLevel = { kind: 'italy' } | { kind: 'region'; istat: string };

export type MapSelection = { kind: 'region'; istat: string } | { kind: 'province'; sigla: string };

export interface MapStates {
  /** By two-digit ISTAT region code; a region without a state is drawn neutral. */
  regions: Partial<Record<string, MapState>>;
  /** By sigla. */
  provinces: Partial<Record<string, MapState>>;
}

export interface RolloutMapLabels {
  state: Record<MapState, string>;
  legend: string;
}

export interface RolloutMapProps {
  level: MapLevel;
  states: MapStates;
  labels: RolloutMapLabels;
  onSelect: (selection: MapSelection) => void;
  /** The map's accessible name, e.g. "Rollout by region". */
  title: string;
}

type Box = [number, number, number, number];

interface ItalyMap {
  viewBox: string;
  regions: Record<string, { d: string; box: number[] }>;
  provinces: Record<string, { d: string; region: string; box: number[] }>;
}

const MAP: ItalyMap = italyMap;
const ITALY_BOX = MAP.viewBox.split(' ').map(Number) as Box;

interface Shape {
  key: string;
  name: string;
  d: string;
  state: MapState | undefined;
  selection: MapSelection;
}

function shapesOf(level: MapLevel, states: MapStates): Shape[] {
  if (level.kind === 'italy') {
    return REGIONS.flatMap((region) => {
      const shape = MAP.regions[region.istat];
      if (!shape) return [];
      return [
        {
          key: region.istat,
          name: region.name,
          d: shape.d,
          state: states.regions[region.istat],
          selection: { kind: 'region', istat: region.istat },
        },
      ];
    });
  }
  return PROVINCES.filter((province) => province.regionIstat === level.istat).flatMap((province) => {
    const shape = MAP.provinces[province.sigla];
    if (!shape) return [];
    return [
      {
        key: province.sigla,
        name: province.name,
        d: shape.d,
        state: states.provinces[province.sigla],
        selection: { kind: 'province', sigla: province.sigla },
      },
    ];
  });
}

/** The region's box with some room around it, so its outline is not cut by the frame. */
function viewBoxOf(level: MapLevel): Box {
  const box = level.kind === 'region' ? MAP.regions[level.istat]?.box : undefined;
  if (!box) return ITALY_BOX;
  const [x, y, w, h] = box as Box;
  const pad = Math.max(w, h) * 0.04;
  return [x - pad, y - pad, w + 2 * pad, h + 2 * pad];
}

function Patterns({ id, size }: { id: string; size: number }) {
  return (
    <defs>
      <pattern
        id={`${id}-scheduled`}
        className="icc-map-pattern-scheduled"
        patternUnits="userSpaceOnUse"
        width={size}
        height={size}
        patternTransform="rotate(45)"
      >
        <rect width={size} height={size} />
        <line x1={0} y1={0} x2={0} y2={size} strokeWidth={size / 2} />
      </pattern>
      <pattern
        id={`${id}-mixed`}
        className="icc-map-pattern-mixed"
        patternUnits="userSpaceOnUse"
        width={size}
        height={size}
      >
        <rect width={size} height={size} />
        <circle cx={size / 2} cy={size / 2} r={size / 4} />
      </pattern>
    </defs>
  );
}

/** Patterned states are filled from the pattern; the others only by their class. */
function fillOf(id: string, state: MapState | undefined): string | undefined {
  return state === 'scheduled' || state === 'mixed' ? `url(#${id}-${state})` : undefined;
}

/**
 * Rollout state on a map: Italy by region, or one region by province. A picture for pointing
 * devices; keyboard and screen reader users get the same facts from the list beside it, so the
 * shapes take no focus and the map reads as one image.
 */
export function RolloutMap({ level, states, labels, onSelect, title }: RolloutMapProps) {
  // React's ids hold characters that `url(#…)` references do not survive everywhere.
  const id = `icc-map${useId().replace(/[^\w-]/g, '')}`;
  const viewBox = viewBoxOf(level);
  // Pattern cells in user units: the same size on screen whether Italy or one region is shown.
  const cell = viewBox[2] / 90;
  return (
    <div className="icc-map">
      <svg
        className="icc-map-svg"
        role="img"
        aria-label={title}
        viewBox={viewBox.map((n) => Math.round(n * 10) / 10).join(' ')}
      >
        <Patterns id={id} size={cell} />
        {shapesOf(level, states).map((shape) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the list beside the map is the keyboard path.
          <path
            key={shape.key}
            className={`icc-map-shape icc-map-${shape.state ?? 'none'}`}
            d={shape.d}
            fill={fillOf(id, shape.state)}
            onClick={() => onSelect(shape.selection)}
          >
            <title>{shape.state ? `${shape.name}: ${labels.state[shape.state]}` : shape.name}</title>
          </path>
        ))}
      </svg>
      <div className="icc-map-legend">
        <p>{labels.legend}</p>
        <ul>
          {MAP_STATES.map((state) => (
            <li key={state}>
              <svg className="icc-map-swatch" viewBox="0 0 18 18" aria-hidden="true">
                <Patterns id={`${id}-${state}`} size={6} />
                <rect
                  className={`icc-map-shape icc-map-${state}`}
                  x={1}
                  y={1}
                  width={16}
                  height={16}
                  fill={fillOf(`${id}-${state}`, state)}
                />
              </svg>
              {labels.state[state]}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
