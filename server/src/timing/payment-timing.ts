import {
  type BenefitType,
  benefitTypeInText,
  type ClaimSummary,
  type PaymentEstimate,
} from '@infocig/shared';
import type { Db } from '../store/index.ts';
import { publishedWindow } from './published-averages.ts';
import { type Stage, stageDurations } from './stage-durations.ts';
import { conditionalWindow, type DayWindow } from './window.ts';

const DAY_MS = 86_400_000;
const LOOKBACK_DAYS = 365;
/** Fewer similar cases than this, and the next wider basis is used. */
const MIN_SAMPLES = 30;
const HIGH_CONFIDENCE_SAMPLES = 100;

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface EstimateRequest {
  stage: Stage;
  /** When the claim or payment entered its stage, `YYYY-MM-DD`. */
  stageSince: string;
  benefitType: BenefitType;
  officeCode: string;
  officeName: string;
  asOf: Date;
}

/**
 * Estimates when a payment will arrive from its current stage and how long recent similar cases
 * (same benefit type, same INPS office; else every office; else published averages) took from there.
 * Durations are cached per day, sorted once, since they change slowly and many people share a stage
 * and office.
 */
export function createPaymentTiming(db: Db) {
  const cache = new Map<string, Promise<number[]>>();
  let cacheDay = '';

  function durations(stage: Stage, benefitType: BenefitType, officeCode: string | null, asOf: Date) {
    const day = isoDay(asOf.getTime());
    if (day !== cacheDay) {
      cache.clear();
      cacheDay = day;
    }
    const key = `${stage.kind}:${stage.status}|${benefitType}|${officeCode ?? '*'}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = stageDurations(db, {
        stage,
        benefitType,
        officeCode,
        asOf: new Date(`${day}T00:00:00Z`),
        lookbackDays: LOOKBACK_DAYS,
      }).then((days) => days.sort((a, b) => a - b));
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  }

  async function estimate(r: EstimateRequest): Promise<PaymentEstimate | null> {
    const published = publishedWindow(r.stage);
    if (!published) return null;
    const since = dayOf(r.stageSince);
    const elapsed = Math.max(0, (r.asOf.getTime() - since) / DAY_MS);
    const toEstimate = (
      w: DayWindow,
      confidence: PaymentEstimate['confidence'],
      basis: PaymentEstimate['basis'],
    ) => ({
      from: isoDay(since + Math.floor(w.fromDays) * DAY_MS),
      to: isoDay(since + Math.ceil(w.toDays) * DAY_MS),
      confidence,
      sampleSize: w.sampleSize,
      basis,
    });

    const local = conditionalWindow(
      await durations(r.stage, r.benefitType, r.officeCode, r.asOf),
      elapsed,
      MIN_SAMPLES,
    );
    if (local) {
      return toEstimate(local, local.sampleSize >= HIGH_CONFIDENCE_SAMPLES ? 'high' : 'medium', {
        it: `Tempi di ${local.sampleSize} casi di ${benefitTypeInText(r.benefitType, 'it')} della sede ${r.officeName} negli ultimi 12 mesi, da questa fase.`,
        en: `Times of ${local.sampleSize} cases of ${benefitTypeInText(r.benefitType, 'en')} at the ${r.officeName} office in the last 12 months, from this stage.`,
      });
    }
    const national = conditionalWindow(
      await durations(r.stage, r.benefitType, null, r.asOf),
      elapsed,
      MIN_SAMPLES,
    );
    if (national) {
      return toEstimate(national, 'medium', {
        it: `Tempi di ${national.sampleSize} casi di ${benefitTypeInText(r.benefitType, 'it')} di tutte le sedi negli ultimi 12 mesi, da questa fase: la sede ${r.officeName} ne ha troppo pochi.`,
        en: `Times of ${national.sampleSize} cases of ${benefitTypeInText(r.benefitType, 'en')} at all offices in the last 12 months, from this stage: the ${r.officeName} office has too few.`,
      });
    }
    const [low, high] = published;
    const fromDays = Math.max(elapsed, low);
    return toEstimate({ fromDays, toDays: Math.max(high, fromDays + 7), sampleSize: 0 }, 'low', {
      it: 'Tempi medi pubblicati da INPS (circa 7 giorni dai dati al pagamento, 8–9 settimane in tutto): i casi simili recenti sono troppo pochi.',
      en: 'Average times published by INPS (about 7 days from the payment data, 8–9 weeks end to end): too few recent similar cases.',
    });
  }

  return {
    estimate,

    /** Adds estimates to claims: each payment still to come, and each application not yet decided. */
    async annotate(claims: ClaimSummary[], asOf = new Date()): Promise<ClaimSummary[]> {
      return Promise.all(
        claims.map(async (claim) => {
          const base = {
            benefitType: claim.benefitType,
            officeCode: claim.inpsOfficeCode,
            officeName: claim.inpsOffice,
            asOf,
          };
          const undecided = !['AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'].includes(claim.status);
          const payments = await Promise.all(
            claim.payments.map(async (p) => ({
              ...p,
              estimate: await estimate({
                ...base,
                stage: { kind: 'payment', status: p.status },
                stageSince: p.statusSince,
              }),
            })),
          );
          // Once decided, estimates belong to the monthly payments (an employer's view has none).
          const own = undecided
            ? await estimate({
                ...base,
                stage: { kind: 'application', status: claim.status },
                stageSince: claim.statusSince,
              })
            : null;
          return { ...claim, payments, estimate: own };
        }),
      );
    },
  };
}

export type PaymentTiming = ReturnType<typeof createPaymentTiming>;
