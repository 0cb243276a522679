import { APPLICATION_STATUS_LABELS, BENEFIT_TYPE_LABELS, type ClaimSummary } from '@infocig/shared';
import { claimEstimateOf, formatDate } from '@infocig/shared/client';
import { applicationTone, EstimateNote, GuidanceNote } from '@infocig/shared/ui';
import { subjectFirst } from '../session/subject.ts';
import { useConsole } from '../session/useAdvisorSession.ts';
import { ClaimPayment } from './ClaimPayment.tsx';

function Claim({ claim, subject }: { claim: ClaimSummary; subject: boolean }) {
  const { t, lang } = useConsole();
  const date = (d: string) => formatDate(lang, d, 'medium');
  const kind = BENEFIT_TYPE_LABELS[claim.benefitType][lang];
  return (
    <article
      className={subject ? 'icc-claim icc-claim-subject' : 'icc-claim'}
      data-testid={subject ? 'icc-subject-claim' : undefined}
      aria-label={subject ? `${t.claims.subject}: ${kind} · ${claim.companyName}` : undefined}
    >
      {subject && <p className="icc-subject-flag">{t.claims.subject}</p>}
      <h4>
        {kind} · {claim.companyName}
      </h4>
      <p>
        {t.claims.status}:{' '}
        <span className={`icc-badge icc-tone-${applicationTone(claim.status)}`}>
          {APPLICATION_STATUS_LABELS[claim.status][lang]}
        </span>{' '}
        <span className="ic-muted icc-small">{date(claim.statusSince)}</span>
      </p>
      <GuidanceNote guidance={claim.guidance} lang={lang} reader="staff" />
      {claim.estimate && (
        <EstimateNote estimate={claim.estimate} lang={lang} of={claimEstimateOf(claim.status)} />
      )}
      <dl className="icc-facts icc-facts-compact">
        <dt>{t.claims.period}</dt>
        <dd>{t.claims.periodRange(date(claim.periodFrom), date(claim.periodTo))}</dd>
        <dt>{t.claims.office}</dt>
        <dd>{claim.inpsOffice}</dd>
        <dt>{t.claims.matricola}</dt>
        <dd className="icc-mono">{claim.matricola}</dd>
        <dt>{t.claims.protocol}</dt>
        <dd>{claim.protocolNumber ?? t.claims.notAvailable}</dd>
        <dt>{t.claims.workersCovered}</dt>
        <dd>{claim.workersCovered}</dd>
      </dl>
      {claim.payments.length > 0 && (
        <>
          <p className="ic-label">{t.claims.payments}</p>
          <ul className="icc-payments">
            {claim.payments.map((p) => (
              <ClaimPayment key={p.competenceMonth} p={p} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The claims shown beside the chat; the application the person asked about comes first, marked. */
export function ClaimsList({ claims, subjectId }: { claims: ClaimSummary[]; subjectId: string | null }) {
  const { t } = useConsole();
  const ordered = subjectFirst(claims, subjectId);
  return (
    <section aria-labelledby="icc-claims-title">
      <h3 id="icc-claims-title">{t.claims.title}</h3>
      {claims.length === 0 ? (
        <p className="ic-muted">{t.claims.none}</p>
      ) : (
        ordered.map((c) => <Claim key={c.applicationId} claim={c} subject={c.applicationId === subjectId} />)
      )}
    </section>
  );
}
