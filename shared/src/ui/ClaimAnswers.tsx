import {
  BASIS_LABEL,
  confidenceText,
  type EstimateOf,
  estimateText,
  nextStep,
  type Reader,
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

/** When the money is likely to come, how sure that is, and (on request) what it is based on. */
export function EstimateNote({ estimate, lang, of }: EstimateProps) {
  return (
    <div className={`ic-estimate`} data-testid={`ic-estimate`}>
      <p className={`ic-estimate-window`}>{estimateText(lang, estimate, of)}</p>
      <p className={`ic-estimate-confidence`}>{confidenceText(lang, estimate.confidence)}</p>
      <details className={`ic-basis`}>
        <summary>{BASIS_LABEL[lang]}</summary>
        <p>{estimate.basis[lang]}</p>
        <p>{windowMeaning(lang)}</p>
      </details>
    </div>
  );
}
