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
  /** The app's class prefix (`icw`, `icc`). */
  prefix: string;
  guidance: Guidance;
  lang: Language;
  reader: Reader;
}

/** What a status means in plain words, then who acts next and by when. */
export function GuidanceNote({ prefix, guidance, lang, reader }: GuidanceProps) {
  const step = nextStep(lang, guidance, reader);
  return (
    <div className={`${prefix}-guidance`} data-testid={`${prefix}-guidance`}>
      <p className={`${prefix}-guidance-text`}>{guidance[lang]}</p>
      {(step.actor || step.by) && (
        <p className={`${prefix}-next-step`}>
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
  prefix: string;
  estimate: PaymentEstimate;
  lang: Language;
  of: EstimateOf;
}

/** When the money is likely to come, how sure that is, and (on request) what it is based on. */
export function EstimateNote({ prefix, estimate, lang, of }: EstimateProps) {
  return (
    <div className={`${prefix}-estimate`} data-testid={`${prefix}-estimate`}>
      <p className={`${prefix}-estimate-window`}>{estimateText(lang, estimate, of)}</p>
      <p className={`${prefix}-estimate-confidence`}>{confidenceText(lang, estimate.confidence)}</p>
      <details className={`${prefix}-basis`}>
        <summary>{BASIS_LABEL[lang]}</summary>
        <p>{estimate.basis[lang]}</p>
        <p>{windowMeaning(lang)}</p>
      </details>
    </div>
  );
}
