import type { MintToken } from '../../src/dev/token-minter.ts';
import type { IdentityClaims } from '../../src/people/identity.ts';
import type { Ledger } from './ledger.ts';
import type { LinkCounters } from './link.ts';
import { random } from './random.ts';
import type { ServerCluster } from './server-cluster.ts';

/** What every actor needs from the run. */
export interface ActorDeps {
  cluster: ServerCluster;
  mint: MintToken;
  ledger: Ledger;
  counters: LinkCounters;
  graceMs: { advisor: number; visitor: number };
}

export interface VisitorPlan {
  identity: IdentityClaims;
  arriveAfterMs: number;
  messages: number;
  /** Closes the chat itself after the last answer, instead of waiting for the advisor to close it. */
  closesItself: boolean;
}

export interface AdvisorPlan {
  identity: IdentityClaims;
  /** Set with `advisor:settings` before any visitor arrives; kept in Redis across processes. */
  capacity: number;
}

/** The visitor's last question says who closes the chat once it is answered. */
export const LAST_QUESTION = { advisorCloses: '#ultima', visitorCloses: '#ultima-chiudo-io' } as const;

/** The advisor's answer to the visitor's message `seq`: one id per question, whoever answers it. */
export const answerIdFor = (conversationId: string, seq: number) => `a-${conversationId}-${seq}`;

export const randomBetween = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkloadShape {
  visitors: number;
  advisors: number;
  /** Visitors arrive uniformly over this span. */
  arrivalsOverMs: number;
  /** Every this many visitors, one is an employer (the `employers` queue). */
  employerEvery: number;
  /** Advisors' capacities, given out in turn. */
  capacities: number[];
}

/** Distinct people: seeded workers and companies where there are enough, synthetic ones after. */
export function planWorkload(
  shape: WorkloadShape,
  workerCfs: string[],
  companies: { cf: string; name: string }[],
) {
  const visitors: VisitorPlan[] = [];
  for (let i = 0; i < shape.visitors; i++) {
    const employer = i % shape.employerEvery === shape.employerEvery - 1 && companies.length > 0;
    const company = companies[i % Math.max(companies.length, 1)];
    const identity: IdentityClaims = employer
      ? { sub: `CHAOSTIT${String(i).padStart(8, '0')}`, role: 'titolare', name: `Titolare ${i}`, company }
      : {
          sub: workerCfs[i] ?? `CHAOSLAV${String(i).padStart(8, '0')}`,
          role: 'lavoratore',
          name: `Lavoratore ${i}`,
          province: 'RM',
        };
    visitors.push({
      identity,
      arriveAfterMs: Math.floor((i / shape.visitors) * shape.arrivalsOverMs) + randomBetween(0, 200),
      messages: randomBetween(3, 5),
      closesItself: random() < 0.3,
    });
  }
  const advisors: AdvisorPlan[] = [];
  for (let i = 0; i < shape.advisors; i++) {
    advisors.push({
      identity: { sub: `ADV${String(i).padStart(4, '0')}`, role: 'advisor', name: `Consulente ${i}` },
      capacity: shape.capacities[i % shape.capacities.length] ?? 1,
    });
  }
  return { visitors, advisors };
}
