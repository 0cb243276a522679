import type { RolloutPhase } from './plan.ts';

const UNPUBLISHED =
  'date not published: INPS extended the service to this province during 2021; assumed here';

/** The phases Info CIG actually went through (INPS messages, 2021–2023); the seed of the plan. */
export const HISTORICAL_ROLLOUT: readonly RolloutPhase[] = [
  {
    audience: 'workers',
    place: { kind: 'province', code: 'RM' },
    from: '2021-05-10',
    note: 'pilot: Rome province',
  },
  ...(['NA', 'MI', 'TO', 'BA', 'PA'] as const).map((code) => ({
    audience: 'workers' as const,
    place: { kind: 'province' as const, code },
    from: '2021-10-01',
    note: UNPUBLISHED,
  })),
  { audience: 'workers', place: { kind: 'italy' }, from: '2022-01-31', note: 'workers: all of Italy' },
  {
    audience: 'employers',
    place: { kind: 'province', code: 'MI' },
    from: '2022-12-15',
    note: 'employers pilot: Milan',
  },
  ...(['TO', 'RM', 'NA'] as const).map((code) => ({
    audience: 'employers' as const,
    place: { kind: 'province' as const, code },
    from: '2023-02-13',
  })),
  { audience: 'employers', place: { kind: 'italy' }, from: '2023-05-22', note: 'employers: all of Italy' },
];
