import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Series } from './figures-model.ts';
import type { FiguresTexts, Formats } from './figures-texts.ts';

const HEIGHT = 220;
// Whole steps only: the x axis counts points (days, months, hours), not time.
const STEPS = [1, 2, 3, 4, 6, 7, 12, 14, 28, 30, 61, 91, 182, 365];

function plotOptions(
  kind: 'line' | 'bars',
  series: Series,
  tick: (key: string) => string,
  width: number,
  color: string,
) {
  const bars = kind === 'bars' ? uPlot.paths.bars?.({ size: [0.7, 48] }) : undefined;
  const options: uPlot.Options = {
    width,
    height: HEIGHT,
    legend: { show: false },
    scales: {
      x: { time: false, range: (_u, min, max) => (kind === 'bars' ? [min - 0.5, max + 0.5] : [min, max]) },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      {
        incrs: STEPS,
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? tick(series.keys[i] ?? '') : '')),
      },
      { incrs: STEPS },
    ],
    series: [
      {},
      {
        stroke: color,
        width: kind === 'line' ? 2 : 1,
        fill: kind === 'bars' ? color : undefined,
        points: { show: kind === 'line' && series.keys.length <= 62 },
        ...(bars ? { paths: bars } : {}),
      },
    ],
  };
  return options;
}

/** The uPlot canvas: drawn afresh when the series changes, resized with its container. */
function Plot(props: {
  kind: 'line' | 'bars';
  series: Series;
  tick: (key: string) => string;
  label: string;
  testId: string;
}) {
  const { kind, series, tick, label, testId } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const color = getComputedStyle(el).getPropertyValue('--ic-blue').trim() || '#0059b3';
    const x = series.keys.map((_, i) => i);
    const plot = new uPlot(
      plotOptions(kind, series, tick, el.clientWidth || 600, color),
      [x, series.values],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [kind, series, tick]);
  return (
    <div
      ref={box}
      className="icc-fig-plot"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-keys={series.keys.join(',')}
      data-values={series.values.join(',')}
    />
  );
}

interface SeriesChartProps {
  /** The chart's name for ids and test ids: `figures-${name}-chart`, `-table`, `-download`. */
  name: string;
  kind: 'line' | 'bars';
  title: string;
  keyHeading: string;
  series: Series;
  /** A key as the axis shows it, and as the table does. */
  tick: (key: string) => string;
  label: (key: string) => string;
  t: FiguresTexts;
  fmt: Formats;
  onDownload: () => void;
}

/** One figure as a chart, with its heading, a CSV download and the same numbers as a table. */
export function SeriesChart(props: SeriesChartProps) {
  const { name, kind, title, keyHeading, series, tick, label, t, fmt, onDownload } = props;
  const titleId = `icc-fig-${name}-title`;
  return (
    <section className="icc-fig-card" aria-labelledby={titleId}>
      <div className="icc-fig-card-head">
        <h3 id={titleId}>{title}</h3>
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          aria-describedby={titleId}
          data-testid={`figures-${name}-download`}
          onClick={onDownload}
        >
          {t.downloadCsv}
        </button>
      </div>
      <Plot
        kind={kind}
        series={series}
        tick={tick}
        label={t.chartLabel(title)}
        testId={`figures-${name}-chart`}
      />
      <details className="icc-fig-data">
        <summary>{t.dataTable}</summary>
        <table data-testid={`figures-${name}-table`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{keyHeading}</th>
              <th scope="col">{t.requests}</th>
            </tr>
          </thead>
          <tbody>
            {series.keys.map((key, i) => (
              <tr key={key} data-key={key} data-value={series.values[i]}>
                <th scope="row">{label(key)}</th>
                <td>{fmt.number(series.values[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
