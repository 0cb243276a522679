import {
  BASIS_LABEL,
  confidenceText,
  type EstimateOf,
  estimateText,
  nextStep,
  type Reader,
  typicalText,
  windowMeaning,
} from '../client/claim-answers.ts';
import type { Language } from '../domain/index.ts';
import type { Guidance } from '../guidance/index.ts';
import type { PaymentEstimate } from '../protocol/index.ts';

interface GuidanceProps {
  guidance: Guidance;
  lang: Language;
  reader: Reader;
}

/** What a status means in plain words, then who acts next and by when. */
export function GuidanceNote({ guidance, lang, reader }: GuidanceProps) {
  const step = nextStep(lang, guidance, reader);
  return (
    <div className={`ic-guidance`} data-testid={`ic-guidance`}>
      <p className={`ic-guidance-text`}>{guidance[lang]}</p>
      {(step.actor || step.by) && (
        <p className={`ic-next-step`}>
          {step.label}
          {step.actor && (
            <>
              : <strong>{step.actor}</strong>
            </>
          )}
          {step.by && (
            <>
              {step.actor ? ', ' : ' '}
              <strong>{step.by}</strong>
            </>
          )}
        </p>
      )}
    </div>
  );
}

interface EstimateProps {
  estimate: PaymentEstimate;
  lang: Language;
  of: EstimateOf;
}

/**
 * When the money is likely to come, how long it usually takes from this stage, how sure that is,
 * and (on request) what it is based on. A window on the published averages alone says at once that
 * it is a rough guide.
 */
export function EstimateNote({ estimate, lang, of }: EstimateProps) {
  const typical = typicalText(lang, estimate);
  const rough = estimate.confidence === 'low';
  return (
    <div className={`ic-estimate`} data-testid={`ic-estimate`}>
      <p className={`ic-estimate-window`}>{estimateText(lang, estimate, of)}</p>
      {typical && <p className={`ic-estimate-typical`}>{typical}</p>}
      <p className={`ic-estimate-confidence`}>{confidenceText(lang, estimate.confidence)}</p>
      {rough && <p className={`ic-estimate-rough`}>{windowMeaning(lang, estimate)}</p>}
      <details className={`ic-basis`}>
        <summary>{BASIS_LABEL[lang]}</summary>
        <p>{estimate.basis[lang]}</p>
        {!rough && <p>{windowMeaning(lang, estimate)}</p>}
      </details>
    </div>
  );
}
