import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  applicationGuidance,
  BENEFIT_TYPES,
  PAYMENT_ANOMALY_KINDS,
  PAYMENT_STATUSES,
  paymentGuidance,
} from '../src/index.ts';
import {
  APPEAL_DUE,
  APPLICATION_CASES,
  type ApplicationCase,
  addDays,
  type Due,
  OFFICE,
  PAYMENT_CASES,
  type PaymentCase,
  SUPPLEMENT_DUE,
  texts,
} from './guidance-cases.ts';

/*
 * The guidance checked against the domain brief (/work/shared/domain.md), one rule per row, over
 * every case in guidance-cases.ts. Sections are numbered in the order of the brief's headings:
 * §3 Benefit types, §4 Claim lifecycle (its steps 1–8 as listed there). Each rule must apply to
 * some case, so none passes for want of cases.
 */

interface Rule<C> {
  name: string;
  when: (c: C) => boolean;
  check: (c: C, label: string) => void;
}

const describeApplication = (c: ApplicationCase) => `${c.status} ${c.benefitType} on ${c.today}`;
const describePayment = (c: PaymentCase) =>
  `${c.status} ${c.benefitType} ${c.anomaly ?? '-'} ${c.method} ${c.month} on ${c.today}`;

function runRules<C>(rules: readonly Rule<C>[], cases: readonly C[], label: (c: C) => string) {
  it.each(rules.map((rule) => [rule.name, rule] as const))('%s', (_, rule) => {
    const applicable = cases.filter(rule.when);
    expect(applicable.length).toBeGreaterThan(0);
    for (const c of applicable) rule.check(c, label(c));
  });
}

/** Due on `due` and still open: the date is the next action, in both languages. */
function expectOpen(g: { it: string; en: string; actBy: string | null }, due: Due, label: string) {
  expect(g.actBy, label).toBe(due.date);
  expect(g.it, label).toContain(`entro il ${due.it}`);
  expect(g.en, label).toContain(`by ${due.en}`);
}

/** Due on `due`, now gone by: worded as passed, never as something to do. */
function expectPassed(g: { it: string; en: string; actBy: string | null }, due: Due, label: string) {
  expect(g.actBy, label).toBeNull();
  expect(g.it, label).toContain(`scaduto il ${due.it}`);
  expect(g.en, label).toContain(`passed on ${due.en}`);
  expect(g.it, label).not.toContain('entro');
  expect(g.en, label).not.toContain(`by ${due.en}`);
}

const RAW_CODE = new RegExp(`\\b(${BENEFIT_TYPES.join('|')})\\b`);

const isCigs = (c: { benefitType: string }) => c.benefitType === 'CIGS';

const APPLICATION_RULES: Rule<ApplicationCase>[] = [
  {
    name: '§3, §4: every application status of every benefit type is explained in both languages, without raw codes',
    when: () => true,
    check: ({ g, today }, label) => {
      expect(g.it.length, label).toBeGreaterThan(20);
      expect(g.en.length, label).toBeGreaterThan(20);
      expect(g.it, label).not.toBe(g.en);
      expect(texts(g), label).not.toMatch(RAW_CODE);
      if (g.nextActor === 'none') expect(g.actBy, label).toBeNull();
      if (g.actBy !== null) expect(g.actBy >= today, label).toBe(true);
    },
  },
  {
    name: '§4 step 3: an application under review is examined by the INPS office, named, with INPS to act',
    when: (c) => !isCigs(c) && ['PROTOCOLLATA', 'IN_ISTRUTTORIA'].includes(c.status),
    check: ({ g }, label) => {
      expect(g, label).toMatchObject({ nextActor: 'inps', actBy: null });
      expect(g.it, label).toContain(`sede ${OFFICE}`);
      expect(g.en, label).toContain(`${OFFICE} office`);
      expect(texts(g), label).not.toMatch(/Ministero|Ministry|decret/);
    },
  },
  {
    name: '§4 step 3: the law sets no time limit for the INPS office review',
    when: (c) => !isCigs(c) && c.status === 'IN_ISTRUTTORIA',
    check: ({ g }, label) => {
      expect(g.it, label).toContain('non fissa un termine');
      expect(g.en, label).toContain('no time limit');
    },
  },
  {
    name: '§3, §4 step 5: CIGS is examined and granted by the Ministry of Labour, never by the INPS office',
    when: isCigs,
    check: ({ g }, label) => {
      expect(g.it, label).toContain('Ministero del Lavoro');
      expect(g.en, label).toContain('Ministry of Labour');
      expect(g.it, label).not.toMatch(/\bsede\b/);
      expect(g.en, label).not.toMatch(/\boffice\b/);
      expect(texts(g), label).not.toContain(OFFICE);
      expect(g.nextActor, label).not.toBe('inps');
    },
  },
  {
    name: '§3, §4 step 5: CIGS is authorised or rejected by a ministerial decree; other benefits are not',
    when: (c) => ['AUTORIZZATA', 'AUTORIZZATA_PARZIALMENTE', 'RESPINTA'].includes(c.status),
    check: (c, label) => {
      if (isCigs(c)) {
        expect(c.g.it, label).toContain('decreto');
        expect(c.g.en, label).toContain('decree');
      } else {
        expect(texts(c.g), label).not.toMatch(/decret|decree|Ministero|Ministry/);
      }
    },
  },
  {
    name: '§4 step 4: documents asked for are the employer’s to send within 15 days, up to and including the last day',
    when: (c) => c.status === 'SUPPLEMENTO_ISTRUTTORIO' && c.today <= SUPPLEMENT_DUE.date,
    check: ({ g }, label) => {
      expect(g.nextActor, label).toBe('employer');
      expectOpen(g, SUPPLEMENT_DUE, label);
    },
  },
  {
    name: '§4 step 4: once the 15 days are over, the date is shown as passed and the decider decides on what it has',
    when: (c) => c.status === 'SUPPLEMENTO_ISTRUTTORIO' && c.today > SUPPLEMENT_DUE.date,
    check: (c, label) => {
      expectPassed(c.g, SUPPLEMENT_DUE, label);
      expect(c.g.nextActor, label).toBe(isCigs(c) ? 'ministry' : 'inps');
      if (!isCigs(c)) expect(c.g.it, label).toContain(`sede ${OFFICE}`);
    },
  },
  {
    name: '§4 step 5: a rejection may be appealed by the employer within 30 days, up to and including the last day',
    when: (c) => c.status === 'RESPINTA' && c.today <= APPEAL_DUE.date,
    check: (c, label) => {
      expect(c.g.nextActor, label).toBe('employer');
      expectOpen(c.g, APPEAL_DUE, label);
      expect(c.g.it, label).toContain(isCigs(c) ? 'ricorso contro il decreto' : 'può presentare ricorso');
    },
  },
  {
    name: '§4 step 5: a rejection whose 30 days are over is shown as passed, with nobody to act',
    when: (c) => c.status === 'RESPINTA' && c.today > APPEAL_DUE.date,
    check: ({ g }, label) => {
      expect(g.nextActor, label).toBe('none');
      expectPassed(g, APPEAL_DUE, label);
    },
  },
  {
    name: '§4 steps 5–6: once authorised, INPS pays each month after the employer’s data; no date of its own',
    when: (c) => c.status === 'AUTORIZZATA' || c.status === 'AUTORIZZATA_PARZIALMENTE',
    check: ({ g }, label) => {
      expect(g, label).toMatchObject({ nextActor: 'employer', actBy: null });
      expect(g.it, label).toContain('INPS paga dopo');
    },
  },
];

const WITH_DEADLINE = (c: PaymentCase) =>
  c.status === 'ATTESA_DATI' ||
  c.status === 'ANTICIPO_PAGATO' ||
  (c.status === 'DATI_ANOMALI' && c.anomaly !== 'iban_not_owned');
const isOpen = (c: PaymentCase) => c.today <= c.due.date;
const namesDataChannel = (c: PaymentCase) => c.status === 'ATTESA_DATI' || c.status === 'ANTICIPO_PAGATO';

const PAYMENT_RULES: Rule<PaymentCase>[] = [
  {
    name: '§3, §4: every payment status of every benefit type and anomaly kind is explained in both languages, without raw codes',
    when: () => true,
    check: ({ g, today }, label) => {
      expect(g.it.length, label).toBeGreaterThan(5);
      expect(g.en.length, label).toBeGreaterThan(5);
      expect(texts(g), label).not.toMatch(RAW_CODE);
      if (g.nextActor === 'none') expect(g.actBy, label).toBeNull();
      if (g.actBy !== null) expect(g.actBy >= today, label).toBe(true);
    },
  },
  {
    name: '§4 step 6: the data of months from May 2022 goes on the UniEmens-Cig flow (all but CISOA)',
    when: (c) => namesDataChannel(c) && c.benefitType !== 'CISOA' && c.month >= '2022-05',
    check: ({ g }, label) => {
      expect(g.it, label).toContain('flusso UniEmens-Cig');
      expect(g.en, label).toContain('UniEmens-Cig');
      expect(texts(g), label).not.toMatch(/SR4[13]/);
    },
  },
  {
    name: '§4 step 6: the data of months before May 2022 went on form SR41 (all but CISOA)',
    when: (c) => namesDataChannel(c) && c.benefitType !== 'CISOA' && c.month < '2022-05',
    check: ({ g }, label) => {
      expect(g.it, label).toContain('modello SR41');
      expect(g.en, label).toContain('form SR41');
      expect(texts(g), label).not.toContain('SR43');
    },
  },
  {
    name: '§3: CISOA payment data goes on form SR43, never SR41 or UniEmens-Cig, whatever the month',
    when: (c) => namesDataChannel(c) && c.benefitType === 'CISOA',
    check: ({ g }, label) => {
      expect(g.it, label).toContain('modello SR43');
      expect(g.en, label).toContain('form SR43');
      expect(texts(g), label).not.toMatch(/UniEmens|SR41/);
    },
  },
  {
    name: '§4 step 6: awaited data is the employer’s to send by the deadline, up to and including the last day (moved off a Sunday)',
    when: (c) => (c.status === 'ATTESA_DATI' || c.status === 'ANTICIPO_PAGATO') && isOpen(c),
    check: (c, label) => {
      expect(c.g.nextActor, label).toBe('employer');
      expectOpen(c.g, c.due, label);
    },
  },
  {
    name: '§4 step 6: past the data deadline it is shown as passed, and the employer has to pay',
    when: (c) => (c.status === 'ATTESA_DATI' || c.status === 'ANTICIPO_PAGATO') && !isOpen(c),
    check: (c, label) => {
      expect(c.g.nextActor, label).toBe('employer');
      expectPassed(c.g, c.due, label);
      expect(c.g.it, label).toContain('direttamente il datore di lavoro');
      expect(c.g.en, label).toContain('the employer must pay you');
    },
  },
  {
    name: '§4 steps 7–8: an IBAN not the worker’s is paid anyway by bonifico domiciliato at a post office: INPS acts, no deadline',
    when: (c) => c.status === 'DATI_ANOMALI' && c.anomaly === 'iban_not_owned',
    check: ({ g, due }, label) => {
      expect(g, label).toMatchObject({ nextActor: 'inps', actBy: null });
      expect(g.it, label).toContain('bonifico domiciliato');
      expect(g.it, label).toContain('ufficio postale');
      expect(g.en, label).toContain('post office');
      expect(g.it, label).not.toMatch(/corregg|codici bancari/);
      expect(g.en, label).not.toMatch(/correct|bank codes/);
      expect(texts(g), label).not.toContain(due.it);
    },
  },
  {
    name: '§4 step 7: wrong bank codes are the employer’s to correct by the data deadline; the worker checks the IBAN given',
    when: (c) => c.status === 'DATI_ANOMALI' && c.anomaly === 'invalid_bank_codes' && isOpen(c),
    check: ({ g, due }, label) => {
      expect(g.nextActor, label).toBe('employer');
      expectOpen(g, due, label);
      expect(g.it, label).toContain('codici bancari');
      expect(g.en, label).toContain('bank codes');
      expect(texts(g), label).not.toMatch(/ufficio postale|post office|non è intestato|not in your name/);
    },
  },
  {
    name: '§4 step 7: other data errors are the employer’s to correct by the data deadline',
    when: (c) => c.status === 'DATI_ANOMALI' && c.anomaly === 'other_data' && isOpen(c),
    check: ({ g, due }, label) => {
      expect(g.nextActor, label).toBe('employer');
      expectOpen(g, due, label);
      expect(texts(g), label).not.toMatch(/ufficio postale|post office|IBAN/);
    },
  },
  {
    name: '§4 steps 6–7: data to correct after the deadline is shown as passed, with the employer liable',
    when: (c) => c.status === 'DATI_ANOMALI' && c.anomaly !== 'iban_not_owned' && !isOpen(c),
    check: ({ g, due }, label) => {
      expect(g.nextActor, label).toBe('employer');
      expectPassed(g, due, label);
      expect(g.it, label).toContain('direttamente il datore di lavoro');
    },
  },
  {
    name: '§4 step 6: statuses without a data deadline never show one',
    when: (c) => !WITH_DEADLINE(c),
    check: ({ g, due }, label) => {
      expect(g.actBy, label).toBeNull();
      expect(texts(g), label).not.toMatch(/entro il|scadut|passed on|due by/);
      expect(texts(g), label).not.toContain(due.it);
    },
  },
  {
    name: '§4 step 8: a payment ordered by bonifico domiciliato is collected at a post office, a bank transfer reaches the account',
    when: (c) => c.status === 'IN_PAGAMENTO',
    check: (c, label) => {
      expect(c.g, label).toMatchObject({ nextActor: 'inps', actBy: null });
      if (c.method === 'bonifico_domiciliato') expect(c.g.it, label).toContain('ufficio postale');
      else expect(c.g.it, label).toContain('conto');
    },
  },
  {
    name: '§4 step 8: a paid payment needs nobody to act',
    when: (c) => c.status === 'PAGATA',
    check: ({ g }, label) => expect(g, label).toMatchObject({ nextActor: 'none', actBy: null }),
  },
  {
    name: '§4 step 6: DECADUTA: the employer missed the deadline and pays the worker',
    when: (c) => c.status === 'DECADUTA',
    check: ({ g }, label) => {
      expect(g, label).toMatchObject({ nextActor: 'employer', actBy: null });
      expect(g.it, label).toContain('deve pagarti direttamente');
    },
  },
];

describe('the cases cover every status × benefit type × anomaly kind the store can produce', () => {
  it('has every application status for every benefit type', () => {
    const seen = new Set(APPLICATION_CASES.map((c) => `${c.status}|${c.benefitType}`));
    expect(seen.size).toBe(APPLICATION_STATUSES.length * BENEFIT_TYPES.length);
  });

  it('has every payment status for every benefit type, and DATI_ANOMALI with every anomaly kind', () => {
    const seen = new Set(PAYMENT_CASES.map((c) => `${c.status}|${c.benefitType}|${c.anomaly}`));
    const kinds = PAYMENT_STATUSES.length - 1 + PAYMENT_ANOMALY_KINDS.length;
    expect(seen.size).toBe(kinds * BENEFIT_TYPES.length);
    for (const kind of PAYMENT_ANOMALY_KINDS) expect(seen).toContain(`DATI_ANOMALI|CISOA|${kind}`);
  });
});

describe('application guidance, rule by rule', () => {
  runRules(APPLICATION_RULES, APPLICATION_CASES, describeApplication);
});

describe('payment guidance, rule by rule', () => {
  runRules(PAYMENT_RULES, PAYMENT_CASES, describePayment);
});

/**
 * Deadlines that end on a Sunday or national holiday. domain.md is silent on it; the rules moved
 * (legal-deadlines.ts) follow art. 155 c.4 c.p.c. and art. 2963 c.3 c.c.; Saturday is not festivo.
 */
const MOVES: readonly {
  name: string;
  guidance: (today: string) => ReturnType<typeof applicationGuidance>;
  due: Due;
}[] = [
  {
    name: 'art. 155 c.p.c., §4 step 4: documents due on Sunday 22 March 2026 are due on Monday 23',
    guidance: (today) =>
      applicationGuidance({
        status: 'SUPPLEMENTO_ISTRUTTORIO',
        statusSince: '2026-03-07',
        inpsOffice: OFFICE,
        benefitType: 'CIGO',
        today,
      }),
    due: { date: '2026-03-23', it: '23 marzo 2026', en: '23 March 2026' },
  },
  {
    name: 'art. 155 c.p.c., §4 step 5: an appeal due on Easter Sunday 2026 is due after Easter Monday, on Tuesday 7 April',
    guidance: (today) =>
      applicationGuidance({
        status: 'RESPINTA',
        statusSince: '2026-03-06',
        inpsOffice: OFFICE,
        benefitType: 'CIGS',
        today,
      }),
    due: { date: '2026-04-07', it: '7 aprile 2026', en: '7 April 2026' },
  },
  {
    name: 'art. 155 c.p.c., §4 step 5: an appeal due on Saturday 25 April 2026 (Liberation Day) moves past Sunday to Monday 27',
    guidance: (today) =>
      applicationGuidance({
        status: 'RESPINTA',
        statusSince: '2026-03-26',
        inpsOffice: OFFICE,
        benefitType: 'FSB',
        today,
      }),
    due: { date: '2026-04-27', it: '27 aprile 2026', en: '27 April 2026' },
  },
  {
    name: 'art. 2963 c.c., §4 step 6: payment data due on Sunday 31 October 2027 moves past All Saints to Tuesday 2 November',
    guidance: (today) =>
      paymentGuidance({
        status: 'ATTESA_DATI',
        method: 'bonifico',
        benefitType: 'CISOA',
        competenceMonth: '2027-08',
        paidAt: null,
        dataDeadline: '2027-10-31',
        anomaly: null,
        today,
      }),
    due: { date: '2027-11-02', it: '2 novembre 2027', en: '2 November 2027' },
  },
  {
    name: 'art. 2963 c.c., §4 step 7: a correction due on Sunday 31 May 2026 is due on Monday 1 June',
    guidance: (today) =>
      paymentGuidance({
        status: 'DATI_ANOMALI',
        method: 'bonifico',
        benefitType: 'AIS_FIS',
        competenceMonth: '2026-03',
        paidAt: null,
        dataDeadline: '2026-05-31',
        anomaly: 'invalid_bank_codes',
        today,
      }),
    due: { date: '2026-06-01', it: '1 giugno 2026', en: '1 June 2026' },
  },
  {
    name: 'art. 155 c.p.c.: a deadline on a Saturday (31 January 2026) does not move',
    guidance: (today) =>
      paymentGuidance({
        status: 'ANTICIPO_PAGATO',
        method: 'bonifico',
        benefitType: 'CIGD',
        competenceMonth: '2025-11',
        paidAt: null,
        dataDeadline: '2026-01-31',
        anomaly: null,
        today,
      }),
    due: { date: '2026-01-31', it: '31 gennaio 2026', en: '31 January 2026' },
  },
];

describe('deadlines on a Sunday or national holiday', () => {
  it.each(MOVES.map((move) => [move.name, move] as const))('%s', (_, { guidance, due }) => {
    for (const today of [addDays(due.date, -3), due.date]) {
      expectOpen(guidance(today), due, `${due.date} on ${today}`);
    }
    expectPassed(guidance(addDays(due.date, 1)), due, `${due.date} the day after`);
  });
});
