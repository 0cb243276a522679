import { describe, expect, it } from 'vitest';
import {
  type Admission,
  AUDIENCES,
  type Audience,
  admission,
  closePlace,
  describeChange,
  HISTORICAL_ROLLOUT,
  openPlace,
  PROVINCES,
  type ProvinceState,
  provinceBySigla,
  provinceState,
  provincesOfRegion,
  REGIONS,
  type RolloutPhase,
  type RolloutPlace,
  RolloutPlanSchema,
  regionState,
} from '../src/index.ts';

const TODAY = '2026-03-10';
const LATER = '2027-01-01';
/** Days before, during and after both plans' phases, to compare admissions on. */
const DAYS = [
  '2021-06-01',
  '2022-01-01',
  '2023-03-01',
  '2025-06-01',
  TODAY,
  '2026-07-01',
  LATER,
  '2199-12-31',
];

/** Future region and province phases around a late Italy-wide one. */
const HAND_PLAN: readonly RolloutPhase[] = [
  { audience: 'workers', place: { kind: 'province', code: 'RM' }, from: '2025-01-01', note: 'Rome first' },
  { audience: 'workers', place: { kind: 'region', code: '03' }, from: '2026-01-01' },
  { audience: 'workers', place: { kind: 'region', code: '15' }, from: '2027-03-01', note: 'Campania' },
  { audience: 'workers', place: { kind: 'province', code: 'NA' }, from: '2026-06-01' },
  { audience: 'workers', place: { kind: 'province', code: 'SA' }, from: '2028-01-01' },
  { audience: 'workers', place: { kind: 'italy' }, from: '2030-01-01', note: 'everywhere' },
  { audience: 'employers', place: { kind: 'region', code: '12' }, from: '2025-03-01' },
  { audience: 'employers', place: { kind: 'province', code: 'MI' }, from: '2026-09-01' },
];

const PLANS = { historical: HISTORICAL_ROLLOUT, 'hand-made': HAND_PLAN } as const;

const PLACES: RolloutPlace[] = [
  { kind: 'italy' },
  ...REGIONS.map((r) => ({ kind: 'region' as const, code: r.istat })),
  ...PROVINCES.map((p) => ({ kind: 'province' as const, code: p.sigla })),
];

function placeName(place: RolloutPlace): string {
  return place.kind === 'italy' ? 'italy' : `${place.kind} ${place.code}`;
}

function inPlace(place: RolloutPlace, sigla: string): boolean {
  if (place.kind === 'italy') return true;
  if (place.kind === 'region') return provinceBySigla(sigla)?.regionIstat === place.code;
  return place.code === sigla;
}

/** The first day the plan opens to the audience in the province, or null. */
function opening(plan: readonly RolloutPhase[], audience: Audience, sigla: string): string | null {
  return admission(plan, audience, sigla, '1900-01-01').availableFrom;
}

/** Each chosen province's admission on every day of `DAYS`, for one comparison per edit. */
function admissions(
  plan: readonly RolloutPhase[],
  audience: Audience,
  keep: (sigla: string) => boolean,
): Record<string, Admission[]> {
  return Object.fromEntries(
    PROVINCES.filter((p) => keep(p.sigla)).map((p) => [
      p.sigla,
      DAYS.map((day) => admission(plan, audience, p.sigla, day)),
    ]),
  );
}

/** Each chosen province's state today. */
function states(
  plan: readonly RolloutPhase[],
  audience: Audience,
  keep: (sigla: string) => boolean,
): Record<string, ProvinceState> {
  return Object.fromEntries(
    PROVINCES.filter((p) => keep(p.sigla)).map((p) => [
      p.sigla,
      provinceState(plan, audience, p.sigla, TODAY),
    ]),
  );
}

function phasesOf(plan: readonly RolloutPhase[], audience: Audience): string[] {
  return plan
    .filter((p) => p.audience === audience)
    .map((p) => JSON.stringify(p))
    .sort();
}

/** A valid plan, without duplicates, sorted by audience then date. */
function expectNormalised(plan: readonly RolloutPhase[]) {
  expect(RolloutPlanSchema.parse(plan)).toEqual(plan);
  expect(new Set(plan.map((p) => JSON.stringify(p))).size).toBe(plan.length);
  const order = plan.map((p) => `${AUDIENCES.indexOf(p.audience)}|${p.from}`);
  expect(order).toEqual([...order].sort());
}

const other = (audience: Audience): Audience => (audience === 'workers' ? 'employers' : 'workers');

describe('closePlace, over every place and province', () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    for (const audience of AUDIENCES) {
      it(`closes only the place, to ${audience} in the ${name} plan`, () => {
        for (const place of PLACES) {
          const closed = closePlace(plan, audience, place);
          const inside = (sigla: string) => inPlace(place, sigla);
          const outside = (sigla: string) => !inPlace(place, sigla);
          expectNormalised(closed);
          expect(closePlace(closed, audience, place), placeName(place)).toEqual(closed);
          expect(phasesOf(closed, other(audience))).toEqual(phasesOf(plan, other(audience)));
          expect(
            Object.values(states(closed, audience, inside)).every((s) => s.state === 'closed'),
            placeName(place),
          ).toBe(true);
          expect(admissions(closed, audience, outside), placeName(place)).toEqual(
            admissions(plan, audience, outside),
          );
        }
      });
    }
  }
});

describe('openPlace, over every place and province', () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    for (const audience of AUDIENCES) {
      it(`opens the place today, to ${audience} in the ${name} plan, and nothing else`, () => {
        for (const place of PLACES) {
          const opened = openPlace(plan, audience, place, TODAY, 'opened from the map');
          // Provinces that opened before today keep their exact history.
          const unchanged = (sigla: string) =>
            !inPlace(place, sigla) || (opening(plan, audience, sigla) ?? TODAY) < TODAY;
          expectNormalised(opened);
          expect(openPlace(opened, audience, place, TODAY, 'opened from the map')).toEqual(opened);
          expect(phasesOf(opened, other(audience))).toEqual(phasesOf(plan, other(audience)));
          expect(
            Object.values(states(opened, audience, (sigla) => inPlace(place, sigla))).every(
              (s) => s.state === 'open',
            ),
            placeName(place),
          ).toBe(true);
          expect(admissions(opened, audience, unchanged), placeName(place)).toEqual(
            admissions(plan, audience, unchanged),
          );
        }
      });

      it(`schedules the place, to ${audience} in the ${name} plan, without postponing anyone`, () => {
        for (const place of PLACES) {
          const scheduled = openPlace(plan, audience, place, LATER);
          const moved = (sigla: string) =>
            inPlace(place, sigla) && (opening(plan, audience, sigla) ?? LATER) >= LATER;
          const unchanged = (sigla: string) => !moved(sigla);
          expectNormalised(scheduled);
          expect(openPlace(scheduled, audience, place, LATER)).toEqual(scheduled);
          expect(
            Object.values(states(scheduled, audience, moved)).every(
              (s) => s.state === 'scheduled' && s.from === LATER,
            ),
            placeName(place),
          ).toBe(true);
          expect(admissions(scheduled, audience, unchanged), placeName(place)).toEqual(
            admissions(plan, audience, unchanged),
          );
        }
      });
    }
  }
});

describe('closePlace splits broader phases', () => {
  const italyPhase = HISTORICAL_ROLLOUT.find((p) => p.audience === 'workers' && p.place.kind === 'italy')!;

  it('replaces Italy with the 19 other regions when a region closes', () => {
    const change = describeChange(
      HISTORICAL_ROLLOUT,
      closePlace(HISTORICAL_ROLLOUT, 'workers', region('12')),
    );
    expect(change.removed).toEqual([
      HISTORICAL_ROLLOUT.find((p) => p.audience === 'workers' && p.from === '2021-05-10'),
      italyPhase,
    ]);
    expect(change.added).toEqual(
      REGIONS.filter((r) => r.istat !== '12').map((r) => ({ ...italyPhase, place: region(r.istat) })),
    );
  });

  it("replaces Italy with the other regions and the province's neighbours when a province closes", () => {
    const change = describeChange(
      HISTORICAL_ROLLOUT,
      closePlace(HISTORICAL_ROLLOUT, 'workers', province('MI')),
    );
    expect(change.removed.map((p) => p.place)).toEqual([province('MI'), { kind: 'italy' }]);
    const neighbours = provincesOfRegion('03').filter((p) => p.sigla !== 'MI');
    expect(neighbours).toHaveLength(11);
    expect(change.added).toEqual(
      expect.arrayContaining([
        ...REGIONS.filter((r) => r.istat !== '03').map((r) => ({ ...italyPhase, place: region(r.istat) })),
        ...neighbours.map((p) => ({ ...italyPhase, place: province(p.sigla) })),
      ]),
    );
    expect(change.added).toHaveLength(19 + 11);
  });

  it("replaces a region with its other provinces, keeping the phase's date and note", () => {
    const plan: RolloutPhase[] = [
      { audience: 'workers', place: region('15'), from: '2027-03-01', note: 'Campania' },
      { audience: 'employers', place: region('15'), from: '2027-03-01' },
    ];
    expect(closePlace(plan, 'workers', province('SA'))).toEqual([
      ...['AV', 'BN', 'CE', 'NA'].map((code) => ({ ...plan[0], place: province(code) })),
      plan[1],
    ]);
  });

  it('leaves nothing for the audience when Italy closes', () => {
    expect(closePlace(HAND_PLAN, 'workers', { kind: 'italy' })).toEqual(
      HAND_PLAN.filter((p) => p.audience === 'employers'),
    );
  });
});

describe('openPlace drops what it makes redundant', () => {
  it('drops later phases inside the region and keeps none of its own earlier date', () => {
    const opened = openPlace(HAND_PLAN, 'workers', region('15'), '2026-01-01', 'Campania moved up');
    expect(describeChange(HAND_PLAN, opened)).toEqual({
      added: [{ audience: 'workers', place: region('15'), from: '2026-01-01', note: 'Campania moved up' }],
      removed: [
        { audience: 'workers', place: province('NA'), from: '2026-06-01' },
        { audience: 'workers', place: region('15'), from: '2027-03-01', note: 'Campania' },
        { audience: 'workers', place: province('SA'), from: '2028-01-01' },
      ],
    });
  });

  it('keeps a province that opens earlier than the new date', () => {
    const opened = openPlace(HAND_PLAN, 'workers', region('15'), '2026-09-01');
    expect(describeChange(HAND_PLAN, opened).removed.map((p) => p.place)).toEqual([
      region('15'),
      province('SA'),
    ]);
    expect(provinceState(opened, 'workers', 'NA', TODAY)).toEqual({ state: 'scheduled', from: '2026-06-01' });
    expect(provinceState(opened, 'workers', 'CE', TODAY)).toEqual({ state: 'scheduled', from: '2026-09-01' });
  });

  it('adds nothing where the place is already open', () => {
    const opened = openPlace(HISTORICAL_ROLLOUT, 'workers', region('12'), TODAY);
    expect(describeChange(HISTORICAL_ROLLOUT, opened)).toEqual({ added: [], removed: [] });
  });
});

describe('regionState', () => {
  it('is mixed when provinces are open and not, or scheduled on different dates', () => {
    expect(regionState(HAND_PLAN, 'workers', '12', TODAY)).toEqual({ state: 'mixed' });
    expect(regionState(HAND_PLAN, 'workers', '15', TODAY)).toEqual({ state: 'mixed' });
    expect(regionState(HAND_PLAN, 'employers', '03', TODAY)).toEqual({ state: 'mixed' });
    expect(regionState(HISTORICAL_ROLLOUT, 'workers', '12', '2021-12-01')).toEqual({ state: 'mixed' });
  });

  it('agrees with its provinces when they agree', () => {
    expect(regionState(HAND_PLAN, 'workers', '03', TODAY)).toEqual({ state: 'open' });
    expect(regionState(HAND_PLAN, 'workers', '01', TODAY)).toEqual({
      state: 'scheduled',
      from: '2030-01-01',
    });
    expect(regionState(HAND_PLAN, 'employers', '01', TODAY)).toEqual({ state: 'closed' });
    expect(regionState(HISTORICAL_ROLLOUT, 'workers', '20', '2021-12-01')).toEqual({
      state: 'scheduled',
      from: '2022-01-31',
    });
    expect(regionState(HISTORICAL_ROLLOUT, 'workers', '12', '2022-02-01')).toEqual({ state: 'open' });
  });

  it('follows the edits', () => {
    const moved = openPlace(HAND_PLAN, 'workers', region('15'), '2026-05-01');
    expect(regionState(moved, 'workers', '15', TODAY)).toEqual({ state: 'scheduled', from: '2026-05-01' });
    expect(regionState(moved, 'workers', '15', '2026-05-01')).toEqual({ state: 'open' });
    const oneOut = closePlace(moved, 'workers', province('BN'));
    expect(regionState(oneOut, 'workers', '15', TODAY)).toEqual({ state: 'mixed' });
    expect(regionState(closePlace(oneOut, 'workers', region('15')), 'workers', '15', TODAY)).toEqual({
      state: 'closed',
    });
  });
});

describe('normalised plans', () => {
  it('serialise equally whatever the order and duplicates of the input', () => {
    const shuffled = [...HAND_PLAN].reverse();
    const doubled = [...HAND_PLAN, ...HAND_PLAN];
    for (const edit of [
      (plan: readonly RolloutPhase[]) => closePlace(plan, 'workers', province('TO')),
      (plan: readonly RolloutPhase[]) => openPlace(plan, 'employers', region('05'), LATER),
    ]) {
      const expected = JSON.stringify(edit(HAND_PLAN));
      expect(JSON.stringify(edit(shuffled))).toBe(expected);
      expect(JSON.stringify(edit(doubled))).toBe(expected);
    }
  });

  it('describe a change by audience, place and date, not by note or order', () => {
    const renoted = HAND_PLAN.map((p) => ({ ...p, note: 'reworded' }));
    expect(describeChange(HAND_PLAN, [...renoted].reverse())).toEqual({ added: [], removed: [] });
  });
});

function region(code: string): RolloutPlace {
  return { kind: 'region', code };
}

function province(code: string): RolloutPlace {
  return { kind: 'province', code };
}
