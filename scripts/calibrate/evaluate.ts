/**
 * Answers as the chat does, on each day of a history, from what the store knew that morning: the
 * claims open that day go through `createPaymentTiming(db).annotate(claims, asOf)`, and each
 * window is set against the day the money really came.
 */

import { createClaimsStore, type Db, migrate, openDb } from '@infocig/server/store';
import type { ApplicationStatus, ClaimSummary, PaymentSummary } from '@infocig/shared';
import { DAY_MS, type Day, dayFromIso, isoFromDay } from '../../server/src/timing/calendar.ts';
import { createPaymentTiming } from '../../server/src/timing/payment-timing.ts';
import { createLegacy, eightToNineWeeks, fixed40, type Item, published, type Window } from './baselines.ts';
import { StoreFeed } from './feed.ts';
import {
  generateWorld,
  type Regime,
  regimeOf,
  type ScenarioSpec,
  SLOW_OFFICE,
  stateAt,
  type World,
} from './world.ts';

/** The chat answers at 07:00 in Italy (05:00 UTC), before the offices' day begins. */
export const AS_OF_HOUR_UTC = 5;

export const MODELS = ['model', 'v1', 'empirical', 'published', 'fixed40', 'weeks8-9'] as const;
export type ModelName = (typeof MODELS)[number];

/** One open claim or payment on one day, with each model's window and what really happened. */
export interface Outcome {
  scenario: string;
  asOf: Day;
  regime: Regime;
  office: string;
  slowOffice: boolean;
  kind: Item['kind'];
  stage: string;
  /** Payments of one application are decided together (the employer sends one flow): resampled together. */
  cluster: string;
  since: Day;
  paid: Day;
  windows: Record<ModelName, Window>;
}

export interface ScenarioRun {
  outcomes: Outcome[];
  /** Open on an answer day, but never paid by INPS (lapsed, rejected) or not by the end of the history. */
  excluded: { lapsed: number; rejected: number; unresolved: number };
  /** Claims read back with `claimsForWorker` that matched what was given to `annotate`. */
  crossChecked: number;
  seconds: { generate: number; store: number; answer: number };
}

const UNDECIDED: readonly ApplicationStatus[] = [
  'INVIATA',
  'PROTOCOLLATA',
  'IN_ISTRUTTORIA',
  'SUPPLEMENTO_ISTRUTTORIO',
];
const NO_GUIDANCE = { it: '', en: '', nextActor: 'none', actBy: null } as const;

interface Open {
  item: Item;
  paid: Day | null;
  why: 'lapsed' | 'rejected' | 'unresolved' | null;
  cluster: string;
}

/** The claims open at the start of `day`, as `claimsForWorker` would give them (one claim per application, every worker's open payments). */
function openClaims(world: World, day: Day): { claims: ClaimSummary[]; open: Open[][] } {
  const claims: ClaimSummary[] = [];
  const open: Open[][] = [];
  world.applications.forEach((a, index) => {
    const now = stateAt(a.events, day);
    if (!now) return;
    const office = world.offices[a.office]!;
    const undecided = UNDECIDED.includes(now.status);
    const payments: PaymentSummary[] = [];
    const items: Open[] = [];
    if (undecided) {
      items.push({
        item: {
          kind: 'application',
          status: now.status,
          benefitType: a.benefitType,
          officeCode: office.code,
          since: now.since,
        },
        paid: a.firstPaid,
        why:
          a.firstPaid !== null
            ? null
            : a.events.some((e) => e.status === 'AUTORIZZATA' || e.status === 'AUTORIZZATA_PARZIALMENTE')
              ? 'unresolved'
              : 'rejected',
        cluster: `${world.spec.name}:${index}`,
      });
    } else if (now.status !== 'RESPINTA') {
      for (const id of a.payments) {
        const p = world.payments[id]!;
        const state = stateAt(p.events, day);
        if (!state || state.status === 'PAGATA' || state.status === 'DECADUTA') continue;
        payments.push({
          competenceMonth: isoFromDay(p.month).slice(0, 7),
          status: state.status,
          statusSince: isoFromDay(state.since),
          method: 'bonifico',
          amountCents: null,
          ibanMasked: null,
          paidAt: null,
          dataDeadline: ['ATTESA_DATI', 'ANTICIPO_PAGATO', 'DATI_ANOMALI'].includes(state.status)
            ? isoFromDay(p.deadline)
            : null,
          guidance: NO_GUIDANCE,
          estimate: null,
        });
        const lapsed = p.events.some((e) => e.status === 'DECADUTA');
        items.push({
          item: {
            kind: 'payment',
            status: state.status,
            benefitType: a.benefitType,
            officeCode: office.code,
            since: state.since,
          },
          paid: p.paid,
          why: p.paid !== null ? null : lapsed ? 'lapsed' : 'unresolved',
          cluster: `${world.spec.name}:${index}:${p.month}`,
        });
      }
      if (payments.length === 0) return;
    } else return;
    claims.push({
      applicationId: a.id,
      benefitType: a.benefitType,
      companyName: world.companies[a.company]!.name,
      matricola: world.companies[a.company]!.matricola,
      periodFrom: isoFromDay(a.periodFrom),
      periodTo: isoFromDay(a.periodTo),
      status: now.status,
      statusSince: isoFromDay(now.since),
      protocolNumber: now.status === 'INVIATA' ? null : a.protocol,
      inpsOffice: office.name,
      inpsOfficeCode: office.code,
      workersCovered: a.workers.length,
      payments,
      guidance: NO_GUIDANCE,
      estimate: null,
    });
    open.push(items);
  });
  return { claims, open };
}

/**
 * Reads a few workers' claims back through the store's own `claimsForWorker` and checks they say
 * what `openClaims` gave the model: the same statuses since the same days.
 */
async function crossCheck(db: Db, world: World, claims: ClaimSummary[], count: number): Promise<number> {
  const store = createClaimsStore(db);
  let checked = 0;
  const step = Math.max(1, Math.floor(claims.length / count));
  for (let i = 0; i < claims.length && checked < count; i += step) {
    const claim = claims[i]!;
    const app = world.applications.find((a) => a.id === claim.applicationId)!;
    const worker = app.workers[0]!;
    const read = (await store.claimsForWorker(worker)).find((c) => c.applicationId === claim.applicationId);
    if (!read) throw new Error(`claimsForWorker(${worker}) has no ${claim.applicationId}`);
    if (read.status !== claim.status || read.statusSince !== claim.statusSince) {
      throw new Error(
        `${claim.applicationId}: store says ${read.status} since ${read.statusSince}, history ${claim.status} since ${claim.statusSince}`,
      );
    }
    for (const p of read.payments) {
      const mine = claim.payments.find(
        (q) =>
          q.competenceMonth === p.competenceMonth && q.status === p.status && q.statusSince === p.statusSince,
      );
      const done = p.status === 'PAGATA' || p.status === 'DECADUTA';
      if (!mine && !done)
        throw new Error(
          `${claim.applicationId} ${p.competenceMonth}: store says ${p.status} since ${p.statusSince}`,
        );
    }
    checked++;
  }
  return checked;
}

export async function runScenario(
  spec: ScenarioSpec,
  options: { models?: readonly ModelName[]; log?: (line: string) => void } = {},
): Promise<ScenarioRun> {
  const models = options.models ?? MODELS;
  const log = options.log ?? (() => {});
  let t = performance.now();
  const world = generateWorld(spec);
  const seconds = { generate: (performance.now() - t) / 1000, store: 0, answer: 0 };
  log(
    `${spec.name}: ${world.applications.length} applications, ${world.payments.length} payment requests (${seconds.generate.toFixed(1)} s)`,
  );

  const db = await openDb({});
  const outcomes: Outcome[] = [];
  const excluded = { lapsed: 0, rejected: 0, unresolved: 0 };
  let crossChecked = 0;
  try {
    t = performance.now();
    await migrate(db);
    const feed = new StoreFeed(db, world);
    await feed.begin();
    seconds.store += (performance.now() - t) / 1000;
    const timing = createPaymentTiming(db);
    const legacy = createLegacy(db);

    for (const asOfIso of spec.asOf) {
      const day = dayFromIso(asOfIso);
      t = performance.now();
      await feed.advanceTo(day);
      const storeSeconds = (performance.now() - t) / 1000;
      seconds.store += storeSeconds;

      t = performance.now();
      const asOf = new Date(day * DAY_MS + AS_OF_HOUR_UTC * 3_600_000);
      const { claims, open } = openClaims(world, day);
      crossChecked += await crossCheck(db, world, claims, 10);
      const annotated = models.includes('model') ? await timing.annotate(claims, asOf) : claims;
      const regime = regimeOf(spec.slowdowns, day);
      let cellCount = 0;
      for (let c = 0; c < claims.length; c++) {
        const claim = annotated[c]!;
        const estimates =
          claim.payments.length > 0 ? claim.payments.map((p) => p.estimate) : [claim.estimate];
        const items = open[c]!;
        for (let k = 0; k < items.length; k++) {
          const { item, paid, why, cluster } = items[k]!;
          if (paid === null) {
            excluded[why ?? 'unresolved']++;
            continue;
          }
          const windows = {} as Record<ModelName, Window>;
          const estimate = estimates[k];
          if (models.includes('model')) {
            if (!estimate) throw new Error(`no estimate for an open ${item.kind} in ${item.status}`);
            windows.model = {
              from: dayFromIso(estimate.from),
              to: dayFromIso(estimate.to),
              label: estimate.confidence,
              basis: basisKind(estimate.basis.en),
              promise: estimate.confidence === 'low' ? null : (estimate.share ?? 8) / 10,
            };
          }
          if (models.includes('v1')) windows.v1 = await legacy.v1(item, day);
          if (models.includes('empirical')) windows.empirical = await legacy.empirical(item, day);
          if (models.includes('published')) windows.published = published(item, day);
          if (models.includes('fixed40')) windows.fixed40 = fixed40(item, day);
          if (models.includes('weeks8-9')) windows['weeks8-9'] = eightToNineWeeks(item, day);
          outcomes.push({
            scenario: spec.name,
            asOf: day,
            regime,
            office: item.officeCode,
            slowOffice: item.officeCode === SLOW_OFFICE,
            kind: item.kind,
            stage: `${item.kind === 'payment' ? 'pay' : 'app'}:${item.status}`,
            cluster,
            since: item.since,
            paid,
            windows,
          });
          cellCount++;
        }
      }
      const answerSeconds = (performance.now() - t) / 1000;
      seconds.answer += answerSeconds;
      log(
        `  ${asOfIso} ${regime.padEnd(6)} ${String(cellCount).padStart(6)} answers  (store ${storeSeconds.toFixed(1)} s, answers ${answerSeconds.toFixed(1)} s)`,
      );
    }
  } finally {
    await db.close();
  }
  return { outcomes, excluded, crossChecked, seconds };
}

/** Which kind of basis an estimate names, from its English text. */
function basisKind(text: string): string {
  if (/published/i.test(text)) return 'published';
  if (/every kind/i.test(text)) return 'every benefit type';
  if (/at all offices|other offices/i.test(text)) return 'other offices too';
  return 'office';
}
