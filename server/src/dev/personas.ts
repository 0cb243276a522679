import type { IdentityClaims } from '../people/identity.ts';

/**
 * Ready-made identities for trying the product locally and for tests. Their codici fiscali are
 * valid (check character computed), and the demo seed gives each of them claims in the store.
 */
export const DEMO_PERSONAS = {
  'worker-rm': {
    sub: 'RSSMRA80D12H501G',
    role: 'lavoratore',
    name: 'Mario Rossi',
    province: 'RM',
  },
  'worker-na': {
    sub: 'SPSNNA75S43F839J',
    role: 'lavoratore',
    name: 'Anna Esposito',
    province: 'NA',
  },
  'employer-mi': {
    sub: 'BNCGLI68B60F205L',
    role: 'titolare',
    name: 'Giulia Bianchi',
    company: { cf: '01234560157', name: 'Officine Meccaniche Lombarde S.r.l.' },
  },
  'consultant-to': {
    sub: 'FRRLCU72L08L219Y',
    role: 'consulente',
    name: 'Luca Ferrari',
  },
  advisor: {
    sub: 'RMNPLA85P15H501Q',
    role: 'advisor',
    name: 'Paolo Romano',
  },
  /** Staff of the Rome office (INPS Direzione provinciale di Roma), who answer its referrals. */
  'office-rm': {
    sub: 'CNTSRA79E52H501T',
    role: 'advisor',
    name: 'Sara Conti',
    office: '0580',
  },
  supervisor: {
    sub: 'MRNLNE70A65A662X',
    role: 'supervisor',
    name: 'Elena Marino',
  },
  /** A supervisor who may also act on the job board (retry, clean, remove jobs) and is the privacy officer. */
  'supervisor-admin': {
    sub: 'RCCFNC66C10F205P',
    role: 'supervisor',
    name: 'Franco Ricci',
    rights: ['jobs:manage', 'privacy:officer'],
  },
} as const satisfies Record<string, IdentityClaims>;

export type PersonaId = keyof typeof DEMO_PERSONAS;

/** Companies the demo consultant holds delegations for (legal seats in Turin and Milan). */
export const DEMO_DELEGATING_COMPANIES = [
  { cf: '04987650159', name: 'Tessitura Sabauda S.p.A.', province: 'TO' },
  { cf: '11223340156', name: 'Logistica Navigli S.r.l.', province: 'MI' },
] as const;

/** The office of the demo Rome worker's company (Direzione provinciale di Roma). */
export const DEMO_OFFICE_RM = DEMO_PERSONAS['office-rm'].office;

/** The demo employer's company seat. */
export const DEMO_EMPLOYER_COMPANY_PROVINCE = 'MI';
