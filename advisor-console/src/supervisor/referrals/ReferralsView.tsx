import type { ReferralsOverview } from '@infocig/shared';
import { useCallback, useEffect, useState } from 'react';
import { failureText } from '../api.ts';
import { useSupervisor } from '../session/useSupervisor.ts';

const HOUR_MS = 3_600_000;

/** Referrals to INPS offices not yet answered, per office, with the oldest one's age: counts only. */
export function ReferralsView() {
  const { t, api, base } = useSupervisor();
  const [overview, setOverview] = useState<ReferralsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<ReferralsOverview>('/api/supervisor/referrals')
      .then((o) => {
        setOverview(o);
        setError(null);
      })
      .catch((e: unknown) => setError(`${t.errorPrefix}: ${failureText(base, e)}`));
  }, [api, base, t]);

  useEffect(load, [load]);

  const ageHours = (oldest: string) =>
    overview ? Math.max(0, Math.floor((Date.parse(overview.asOf) - Date.parse(oldest)) / HOUR_MS)) : 0;

  return (
    <section aria-labelledby="ics-referrals-heading">
      <h2 id="ics-referrals-heading">{t.referrals.heading}</h2>
      <p>{t.referrals.intro}</p>
      <button type="button" className="ic-button ic-button-small ic-button-secondary" onClick={load}>
        {t.referrals.refresh}
      </button>
      <p role="status" className={error ? 'icc-error' : undefined}>
        {error ?? ''}
      </p>
      {!overview && !error && <p>{t.loading}</p>}
      {overview && overview.offices.length === 0 && <p>{t.referrals.none}</p>}
      {overview && overview.offices.length > 0 && (
        <table className="ics-table">
          <caption>{t.referrals.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.referrals.office}</th>
              <th scope="col">{t.referrals.open}</th>
              <th scope="col">{t.referrals.taken}</th>
              <th scope="col">{t.referrals.overdue}</th>
              <th scope="col">{t.referrals.oldest}</th>
            </tr>
          </thead>
          <tbody>
            {overview.offices.map((o) => (
              <tr key={o.officeCode}>
                <th scope="row">
                  {o.officeName} <span className="ic-muted">({o.officeCode})</span>
                </th>
                <td>{o.open}</td>
                <td>{o.taken}</td>
                <td className={o.overdue > 0 ? 'icc-error' : undefined}>{o.overdue}</td>
                <td>{t.referrals.age(ageHours(o.oldestOpenedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
