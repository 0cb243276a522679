import {
  DEMO_DELEGATING_COMPANIES,
  DEMO_EMPLOYER_COMPANY_PROVINCE,
  DEMO_OFFICE_RM,
  DEMO_PERSONAS,
} from '../../dev/personas.ts';
import { type ApplicationSpec, writeApplication } from './application-writer.ts';
import { addMonths, type Day, monthEnd, monthStart } from './calendar.ts';
import { generateCompany, writeWorker } from './company-generator.ts';
import type { SeedContext } from './context.ts';
import { province } from './geography.ts';
import { writeDelegation } from './intermediaries.ts';
import type { PaymentChoices } from './payment-lifecycle.ts';
import { writeRandomApplications } from './random-applications.ts';

/** The demo people's own records: names and birth data match their codici fiscali. */
export const DEMO_WORKERS = {
  'worker-rm': { surname: 'Rossi', firstName: 'Mario', birthDate: '1980-04-12', sex: 'M' },
  'worker-na': { surname: 'Esposito', firstName: 'Anna', birthDate: '1975-11-03', sex: 'F' },
} as const;

// Data sent within 55 days of the request always meets the deadline (see dataDeadline); a delay
// that would end after today is squeezed, so the scripted status is reached by today.
const PAID: PaymentChoices = {
  stopAt: 'PAGATA',
  dataDelay: 10,
  outcome: 'valid',
  returned: false,
  advance: false,
};
const AWAITING_DATA: PaymentChoices = { stopAt: 'ATTESA_DATI', advance: false };
const LAPSED: PaymentChoices = { stopAt: 'DECADUTA', dataDelay: 400, advance: false };

/** Scripts the persona's payment for each listed month; coworkers' payments stay random. */
function scriptFor(workerCf: string, byMonth: readonly (readonly [Day, PaymentChoices])[]) {
  const scripts = new Map(byMonth);
  return (cf: string, month: Day) => (cf === workerCf ? scripts.get(month) : undefined);
}

/** Mario Rossi, Rome, building worker: paid, lapsed, in payment, awaiting data, one under review. */
function writeRomeWorker(ctx: SeedContext): void {
  const persona = DEMO_PERSONAS['worker-rm'];
  const m = (offset: number) => addMonths(monthStart(ctx.today), offset);
  const company = generateCompany(ctx, {
    name: 'Costruzioni Tiberine S.r.l.',
    seat: province('RM'),
    sector: 'edilizia',
    size: 14,
    positionProvinces: [province('RM')],
    officeCode: DEMO_OFFICE_RM,
  });
  const position = company.positions[0]!;
  const mario = writeWorker(ctx, {
    cf: persona.sub,
    ...DEMO_WORKERS['worker-rm'],
    residenceProvince: persona.province,
    iban: ctx.ids.iban(),
  });
  const crew = [mario, ...position.workers.slice(0, 9)];
  const cigo = (spec: Omit<ApplicationSpec, 'benefitType' | 'workers'>) =>
    writeApplication(ctx, position, { benefitType: 'CIGO', workers: crew, ...spec });

  cigo({
    reason: 'Eventi meteo',
    periodFrom: m(-8),
    periodTo: monthEnd(m(-7)),
    submittedDay: m(-8) + 5,
    script: { decision: 'AUTORIZZATA', supplement: false, reviewDays: 20 },
    paymentScript: scriptFor(mario.cf, [
      [m(-8), PAID],
      [m(-7), LAPSED],
    ]),
  });
  cigo({
    reason: 'Mancanza di lavoro o commesse',
    periodFrom: m(-3),
    periodTo: monthEnd(m(-2)),
    submittedDay: m(-3) + 4,
    script: { decision: 'AUTORIZZATA', supplement: false, reviewDays: 20 },
    paymentScript: scriptFor(mario.cf, [
      [m(-3), { stopAt: 'IN_PAGAMENTO', dataDelay: 55, outcome: 'valid', returned: false, advance: false }],
      [m(-2), AWAITING_DATA],
    ]),
  });
  cigo({
    reason: 'Mancanza di lavoro o commesse',
    periodFrom: m(-1) + 2,
    periodTo: m(-1) + 2 + 6 * 7 - 1,
    submittedDay: m(-1) + 4,
    script: { stopAt: 'IN_ISTRUTTORIA', supplement: false },
  });
}

/** Anna Esposito, Naples, shop worker: a partly authorised claim, then FIS, then CIGS in several states. */
function writeNaplesWorker(ctx: SeedContext): void {
  const persona = DEMO_PERSONAS['worker-na'];
  const m = (offset: number) => addMonths(monthStart(ctx.today), offset);
  const company = generateCompany(ctx, {
    name: 'Grandi Magazzini Partenopei S.p.A.',
    seat: province('NA'),
    sector: 'commercio',
    size: 60,
    positionProvinces: [province('NA')],
  });
  const position = company.positions[0]!;
  const anna = writeWorker(ctx, {
    cf: persona.sub,
    ...DEMO_WORKERS['worker-na'],
    residenceProvince: persona.province,
    iban: ctx.ids.iban(),
  });
  const staff = [anna, ...position.workers.slice(0, 30)];

  writeApplication(ctx, position, {
    benefitType: 'AIS_FIS',
    reason: 'Crisi di mercato',
    periodFrom: m(-14),
    periodTo: monthEnd(m(-13)),
    submittedDay: m(-14) + 3,
    workers: staff,
    script: { decision: 'AUTORIZZATA_PARZIALMENTE', supplement: true, reviewDays: 25 },
    paymentScript: scriptFor(anna.cf, [
      [m(-14), PAID],
      [m(-13), PAID],
    ]),
  });
  writeApplication(ctx, position, {
    benefitType: 'AIS_FIS',
    reason: 'Riduzione o sospensione dell’attività',
    periodFrom: m(-10),
    periodTo: monthEnd(m(-9)),
    submittedDay: m(-10) + 3,
    workers: staff,
    script: { decision: 'AUTORIZZATA', supplement: false, reviewDays: 30 },
    paymentScript: scriptFor(anna.cf, [
      [m(-10), PAID],
      [m(-9), { ...PAID, dataDelay: 25 }],
    ]),
  });
  writeApplication(ctx, position, {
    benefitType: 'CIGS',
    reason: 'Crisi aziendale',
    periodFrom: m(-5),
    periodTo: monthEnd(m(6)),
    submittedDay: m(-5) + 2,
    workers: staff,
    script: { decision: 'AUTORIZZATA', supplement: false, reviewDays: 25 },
    paymentScript: scriptFor(anna.cf, [
      [m(-5), PAID],
      [m(-4), PAID],
      [m(-3), { stopAt: 'RESTITUITA', dataDelay: 50, outcome: 'valid', returned: true, advance: false }],
      [m(-2), { stopAt: 'DATI_ANOMALI', dataDelay: 55, outcome: 'post_office', advance: false }],
      [m(-1), AWAITING_DATA],
    ]),
  });
}

/** The Milan employer's company: two positions and an application at every stage. */
function writeMilanEmployer(ctx: SeedContext): void {
  const { company: ref } = DEMO_PERSONAS['employer-mi'];
  const { today } = ctx;
  const m = (offset: number) => addMonths(monthStart(today), offset);
  const company = generateCompany(ctx, {
    cf: ref.cf,
    name: ref.name,
    seat: province(DEMO_EMPLOYER_COMPANY_PROVINCE),
    sector: 'industria',
    size: 40,
    positionProvinces: [province(DEMO_EMPLOYER_COMPANY_PROVINCE), province('MB')],
  });
  const [main, second] = company.positions as [(typeof company.positions)[0], (typeof company.positions)[0]];
  const cigo = (position: typeof main, spec: Omit<ApplicationSpec, 'benefitType' | 'workers' | 'reason'>) =>
    writeApplication(ctx, position, {
      benefitType: 'CIGO',
      reason: 'Mancanza di lavoro o commesse',
      workers: position.workers,
      ...spec,
    });

  cigo(main, {
    periodFrom: m(-11),
    periodTo: m(-11) + 27,
    submittedDay: m(-11) + 6,
    script: { decision: 'RESPINTA', supplement: true },
  });
  cigo(main, {
    periodFrom: m(-7),
    periodTo: monthEnd(m(-6)),
    submittedDay: m(-7) + 3,
    script: { decision: 'AUTORIZZATA', supplement: false, reviewDays: 30 },
  });
  cigo(main, {
    periodFrom: today - 30,
    periodTo: today - 30 + 27,
    submittedDay: today - 26,
    script: { stopAt: 'IN_ISTRUTTORIA', supplement: false },
  });
  cigo(main, {
    periodFrom: today + 2,
    periodTo: today + 2 + 5 * 7 - 1,
    submittedDay: today - 3,
    script: { stopAt: 'PROTOCOLLATA' },
  });
  cigo(second, {
    periodFrom: m(-5),
    periodTo: monthEnd(m(-4)),
    submittedDay: m(-5) + 5,
    script: { decision: 'AUTORIZZATA_PARZIALMENTE', supplement: false, reviewDays: 35 },
  });
  cigo(second, {
    periodFrom: today - 50,
    periodTo: today - 50 + 3 * 7 - 1,
    submittedDay: today - 46,
    script: { stopAt: 'SUPPLEMENTO_ISTRUTTORIO', supplement: true },
  });
  cigo(second, {
    periodFrom: today + 5,
    periodTo: today + 5 + 4 * 7 - 1,
    submittedDay: today - 1,
    script: { stopAt: 'INVIATA' },
  });
}

/** Luca Ferrari, labour consultant: two active client companies and one that revoked its delegation. */
function writeTurinConsultant(ctx: SeedContext): void {
  const persona = DEMO_PERSONAS['consultant-to'];
  ctx.writer.intermediaries.add({ cf: persona.sub, name: persona.name, kind: 'consulente_del_lavoro' });
  const [textiles, logistics] = DEMO_DELEGATING_COMPANIES;
  const clients = [
    generateCompany(ctx, { ...textiles, seat: province(textiles.province), sector: 'industria', size: 35 }),
    generateCompany(ctx, { ...logistics, seat: province(logistics.province), sector: 'trasporti', size: 22 }),
  ];
  const former = generateCompany(ctx, {
    name: 'Ceramiche del Canavese S.n.c.',
    seat: province('TO'),
    sector: 'artigianato',
    size: 8,
  });
  for (const company of [...clients, former]) {
    for (const position of company.positions) writeRandomApplications(ctx, company, position, 2);
  }
  writeDelegation(ctx, persona.sub, clients[0]!.cf, ctx.today - 700, null);
  writeDelegation(ctx, persona.sub, clients[1]!.cf, ctx.today - 400, null);
  writeDelegation(ctx, persona.sub, former.cf, ctx.today - 900, ctx.today - 200);
}

/** Every demo persona's data, always the same shape relative to today. */
export function writeDemoPersonas(ctx: SeedContext): void {
  for (const persona of Object.values(DEMO_PERSONAS)) ctx.ids.reserve(persona.sub);
  ctx.ids.reserve(DEMO_PERSONAS['employer-mi'].company.cf);
  for (const company of DEMO_DELEGATING_COMPANIES) ctx.ids.reserve(company.cf);
  writeRomeWorker(ctx);
  writeNaplesWorker(ctx);
  writeMilanEmployer(ctx);
  writeTurinConsultant(ctx);
}
