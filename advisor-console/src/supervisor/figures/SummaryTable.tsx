import type { SegmentFigures } from './figures-model.ts';
import type { FiguresTexts, Formats } from './figures-texts.ts';

type Row = [key: string, label: string, shown: string, raw: string | number | null, hint?: string];

function rowsOf(f: SegmentFigures, t: FiguresTexts, fmt: Formats): Row[] {
  const s = t.summary;
  const or = <T,>(v: T | null, show: (v: T) => string) => (v === null ? t.none : show(v));
  const seconds = (v: number | null) => or(v, t.duration);
  return [
    ['requests', s.requests, fmt.number(f.requests), f.requests],
    ['distinctPeople', s.distinctPeople, fmt.number(f.distinctPeople), f.distinctPeople],
    ['averagePerMonth', s.averagePerMonth, fmt.number(f.averagePerMonth), f.averagePerMonth],
    [
      'peakDay',
      s.peakDay,
      or(f.peakDay, (p) => t.peak(fmt.day(p.day), p.interactions, fmt.number(p.interactions))),
      f.peakDay?.day ?? null,
    ],
    [
      'peakMonth',
      s.peakMonth,
      or(f.peakMonth, (p) => t.peak(fmt.month(p.month), p.interactions, fmt.number(p.interactions))),
      f.peakMonth?.month ?? null,
    ],
    [
      'peakHour',
      s.peakHour,
      or(f.peakHour, (p) => t.peak(t.hours(p.hour), p.interactions, fmt.number(p.interactions))),
      f.peakHour?.hour ?? null,
    ],
    [
      'settledOnlineShare',
      s.settledOnline,
      or(f.settledOnlineShare, fmt.percent),
      f.settledOnlineShare,
      s.settledOnlineHint,
    ],
    [
      'settledWithoutAdvisorShare',
      s.settledWithoutAdvisor,
      or(f.settledWithoutAdvisorShare, fmt.percent),
      f.settledWithoutAdvisorShare,
    ],
    ['waitP50', s.waitP50, seconds(f.waitSeconds.p50), f.waitSeconds.p50],
    ['waitP90', s.waitP90, seconds(f.waitSeconds.p90), f.waitSeconds.p90],
    ['firstResponseP50', s.firstResponseP50, seconds(f.firstResponseSeconds.p50), f.firstResponseSeconds.p50],
    ['firstResponseP90', s.firstResponseP90, seconds(f.firstResponseSeconds.p90), f.firstResponseSeconds.p90],
    ['followUpsOpened', s.followUpsOpened, fmt.number(f.followUps.opened), f.followUps.opened],
    ['followUpsAnswered', s.followUpsAnswered, fmt.number(f.followUps.answered), f.followUps.answered],
    [
      'rating',
      s.rating,
      or(f.ratings.averageStars, (v) =>
        t.rating(fmt.number(v), f.ratings.count, fmt.number(f.ratings.count)),
      ),
      f.ratings.averageStars,
    ],
  ];
}

/** The single-number figures of one group, with a CSV download. */
export function SummaryTable(props: {
  f: SegmentFigures;
  t: FiguresTexts;
  fmt: Formats;
  onDownload: () => void;
}) {
  const { f, t, fmt, onDownload } = props;
  return (
    <section className="icc-fig-card" aria-labelledby="icc-fig-summary-title">
      <div className="icc-fig-card-head">
        <h3 id="icc-fig-summary-title">{t.summary.title}</h3>
        <button
          type="button"
          className="ic-button ic-button-small ic-button-secondary"
          aria-describedby="icc-fig-summary-title"
          data-testid="figures-summary-download"
          onClick={onDownload}
        >
          {t.downloadCsv}
        </button>
      </div>
      <table
        className="icc-fig-summary"
        aria-labelledby="icc-fig-summary-title"
        data-testid="figures-summary"
      >
        <thead>
          <tr>
            <th scope="col">{t.summary.figure}</th>
            <th scope="col">{t.summary.value}</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(f, t, fmt).map(([key, label, shown, raw, hint]) => (
            <tr key={key} data-figure={key} data-value={raw ?? ''}>
              <th scope="row">
                {label}
                {hint && <span className="icc-fig-hint">{hint}</span>}
              </th>
              <td>{shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
