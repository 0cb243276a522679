import { describe, expect, it } from 'vitest';
import {
  categoriesFor,
  csvPath,
  daySeries,
  type Figures,
  figuresOf,
  hourSeries,
  monthSeries,
  presetPeriod,
  type SegmentFigures,
  segmentFor,
} from '../src/supervisor/figures/figures-model.ts';
import { FIGURES_TEXTS, formatsFor } from '../src/supervisor/figures/figures-texts.ts';

describe('figures view model', () => {
  it('fills the days and months without requests with zero, across a leap day and a new year', () => {
    const period = { from: '2023-12-30', to: '2024-03-01' };
    const days = daySeries(period, [
      { day: '2023-12-31', interactions: 4 },
      { day: '2024-02-29', interactions: 2 },
    ]);
    expect(days.keys).toHaveLength(63);
    expect(days.keys.slice(0, 3)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
    expect(days.keys.slice(-2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(days.values.reduce((a, b) => a + b)).toBe(6);
    expect(days.values[1]).toBe(4);
    expect(days.values.at(-2)).toBe(2);

    expect(monthSeries(period, [{ month: '2024-02', interactions: 2 }])).toEqual({
      keys: ['2023-12', '2024-01', '2024-02', '2024-03'],
      values: [0, 0, 2, 0],
    });
    const hours = hourSeries([{ hour: 11, interactions: 3 }]);
    expect(hours.keys).toHaveLength(24);
    expect(hours.values[11]).toBe(3);
  });

  it('shows the narrower of audience and category, and only the categories an audience has', () => {
    expect(segmentFor('all', 'all')).toBe('total');
    expect(segmentFor('employers', 'all')).toBe('employers');
    expect(segmentFor('employers', 'intermediary')).toBe('intermediary');
    expect(categoriesFor('workers')).toEqual(['all', 'worker']);
    expect(categoriesFor('employers')).not.toContain('worker');
    const of = (requests: number) => ({ requests }) as SegmentFigures;
    const figures = {
      total: of(6),
      byAudience: { workers: of(1), employers: of(5) },
      byCategory: { worker: of(1), employer: of(3), intermediary: of(2) },
    } as unknown as Figures;
    expect(figuresOf(figures, 'intermediary').requests).toBe(2);
    expect(figuresOf(figures, 'employers').requests).toBe(5);
    expect(figuresOf(figures, 'total').requests).toBe(6);
  });

  it('offers periods ending today, or a calendar year, and asks the CSV for the shown group', () => {
    expect(presetPeriod('last12Months', '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(presetPeriod('last30Days', '2024-03-10')).toEqual({ from: '2024-02-10', to: '2024-03-10' });
    expect(presetPeriod('lastYear', '2024-03-10')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(csvPath('perDay', 'employer', { from: '2024-01-01', to: '2024-03-31' })).toBe(
      '/api/supervisor/figures.csv?from=2024-01-01&to=2024-03-31&figure=perDay&segment=employer',
    );
  });

  it('words times and shares in each language', () => {
    expect(FIGURES_TEXTS.it.duration(95)).toBe('1 min 35 s');
    expect(FIGURES_TEXTS.en.hours(23)).toBe('23:00–00:00');
    expect(formatsFor('it').percent(7 / 9)).toBe('77,8%');
    expect(formatsFor('en').percent(0.5)).toBe('50%');
    expect(formatsFor('en').day('2024-04-10')).toBe('10 Apr 2024');
  });
});
