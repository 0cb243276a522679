import { italianDay, type Language } from '@infocig/shared';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type SupervisorApi } from '../api.ts';
import {
  AUDIENCE_CHOICES,
  type AudienceChoice,
  type CategoryChoice,
  type CsvFigure,
  categoriesFor,
  csvFileName,
  csvPath,
  daySeries,
  type Figures,
  figuresOf,
  figuresPath,
  hourSeries,
  monthSeries,
  type Period,
  PRESETS,
  presetPeriod,
  segmentFor,
} from './figures-model.ts';
import { FIGURES_TEXTS, formatsFor } from './figures-texts.ts';
import { SeriesChart } from './SeriesChart.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import './figures.css';

interface Failure {
  code: string;
  message: string;
}
const failureOf = (error: unknown): Failure =>
  error instanceof ApiError
    ? { code: error.code, message: error.message }
    : { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The figures the institute publishes, as charts and tables, each downloadable as CSV (supervisors). */
export function FiguresView({ api, lang }: { api: SupervisorApi; lang: Language }) {
  const t = FIGURES_TEXTS[lang];
  const fmt = useMemo(() => formatsFor(lang), [lang]);
  const today = useMemo(() => italianDay(new Date()), []);
  const [draft, setDraft] = useState<Period>(() => presetPeriod('last12Months', today));
  const [period, setPeriod] = useState<Period>(draft);
  const [audience, setAudience] = useState<AudienceChoice>('all');
  const [category, setCategory] = useState<CategoryChoice>('all');
  const [figures, setFigures] = useState<Figures | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [downloadFailure, setDownloadFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setFailure(null);
    api.get<Figures>(figuresPath(period)).then(
      (answer) => {
        if (!current) return;
        setFigures(answer);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setFailure(failureOf(error));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, period]);

  const segment = segmentFor(audience, category);
  const shown = figures ? figuresOf(figures, segment) : null;
  // The loaded answer's own period: what is shown is what downloads.
  const loaded = useMemo(() => (figures ? { from: figures.from, to: figures.to } : null), [figures]);
  const days = useMemo(() => (loaded && shown ? daySeries(loaded, shown.perDay) : null), [loaded, shown]);
  const months = useMemo(
    () => (loaded && shown ? monthSeries(loaded, shown.perMonth) : null),
    [loaded, shown],
  );
  const hours = useMemo(() => (shown ? hourSeries(shown.perHour) : null), [shown]);
  const hourTick = useCallback((h: string) => String(h).padStart(2, '0'), []);
  const hourLabel = useCallback((h: string) => t.hours(Number(h)), [t]);

  const download = (figure: CsvFigure) => {
    if (!loaded) return;
    setDownloadFailure(null);
    api.download(csvPath(figure, segment, loaded)).then(
      (blob) => saveFile(blob, csvFileName(figure, segment, loaded)),
      (error: unknown) => setDownloadFailure(failureOf(error)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...draft });
  };
  const choosePreset = (preset: (typeof PRESETS)[number]) => {
    const p = presetPeriod(preset, today);
    setDraft(p);
    setPeriod(p);
  };
  const chooseAudience = (value: AudienceChoice) => {
    setAudience(value);
    if (!categoriesFor(value).includes(category)) setCategory('all');
  };

  return (
    <section
      className="icc-figures"
      aria-labelledby="icc-figures-title"
      aria-busy={loading}
      data-testid="figures-view"
      data-segment={segment}
      data-from={figures?.from}
      data-to={figures?.to}
    >
      <h2 id="icc-figures-title">{t.title}</h2>
      <p className="ic-muted icc-small">{t.intro}</p>

      <div className="icc-fig-controls">
        <form className="icc-fig-period" onSubmit={submit}>
          <fieldset>
            <legend>{t.period}</legend>
            <label>
              {t.from}
              <input
                type="date"
                className="ic-input"
                required
                max={draft.to}
                value={draft.from}
                data-testid="figures-from"
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            </label>
            <label>
              {t.to}
              <input
                type="date"
                className="ic-input"
                required
                min={draft.from}
                value={draft.to}
                data-testid="figures-to"
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              />
            </label>
            <button type="submit" className="ic-button ic-button-small" data-testid="figures-show">
              {t.show}
            </button>
          </fieldset>
        </form>
        <fieldset className="icc-fig-presets">
          <legend>{t.presets}</legend>
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className="ic-button ic-button-small ic-button-secondary"
              onClick={() => choosePreset(p)}
            >
              {t.preset[p]}
            </button>
          ))}
        </fieldset>
        <fieldset className="icc-fig-group">
          <legend>{t.group}</legend>
          <label>
            {t.audience}
            <select
              value={audience}
              data-testid="figures-audience"
              onChange={(e) => chooseAudience(e.target.value as AudienceChoice)}
            >
              {AUDIENCE_CHOICES.map((a) => (
                <option key={a} value={a}>
                  {t.audiences[a]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.category}
            <select
              value={category}
              data-testid="figures-category"
              onChange={(e) => setCategory(e.target.value as CategoryChoice)}
            >
              {categoriesFor(audience).map((c) => (
                <option key={c} value={c}>
                  {t.categories[c]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>

      <div role="status" className="icc-small">
        {loading && <span data-testid="figures-loading">{t.loading}</span>}
      </div>
      {failure && (
        <p className="icc-error" role="alert" data-testid="figures-error" data-code={failure.code}>
          {t.errorPrefix}: {failure.message} <code>{failure.code}</code>
        </p>
      )}
      {downloadFailure && (
        <p
          className="icc-error"
          role="alert"
          data-testid="figures-download-error"
          data-code={downloadFailure.code}
        >
          {t.downloadFailed}: {downloadFailure.message} <code>{downloadFailure.code}</code>
        </p>
      )}

      {shown && days && months && hours && (
        <div className="icc-fig-grid">
          <SummaryTable f={shown} t={t} fmt={fmt} onDownload={() => download('summary')} />
          <SeriesChart
            name="per-day"
            kind="line"
            title={t.perDay.title}
            keyHeading={t.perDay.key}
            series={days}
            tick={fmt.dayTick}
            label={fmt.day}
            t={t}
            fmt={fmt}
            onDownload={() => download('perDay')}
          />
          <SeriesChart
            name="per-month"
            kind="bars"
            title={t.perMonth.title}
            keyHeading={t.perMonth.key}
            series={months}
            tick={fmt.monthTick}
            label={fmt.month}
            t={t}
            fmt={fmt}
            onDownload={() => download('perMonth')}
          />
          <SeriesChart
            name="per-hour"
            kind="bars"
            title={t.perHour.title}
            keyHeading={t.perHour.key}
            series={hours}
            tick={hourTick}
            label={hourLabel}
            t={t}
            fmt={fmt}
            onDownload={() => download('perHour')}
          />
        </div>
      )}
    </section>
  );
}
