import type { BenefitType } from '@infocig/shared';
import type { Sector } from './tables.ts';

export interface SectorProfile {
  /** Share of companies in the sector, relative. */
  weight: number;
  /** Which scheme covers the sector's workers, relative; CIGS needs more than 15 employees. */
  benefits: readonly (readonly [BenefitType, number])[];
  namePrefixes: readonly string[];
}

export const SECTOR_PROFILES: Readonly<Record<Sector, SectorProfile>> = {
  industria: {
    weight: 30,
    benefits: [
      ['CIGO', 75],
      ['CIGS', 18],
      ['CIGD', 7],
    ],
    namePrefixes: [
      'Officine',
      'Meccanica',
      'Industrie',
      'Metallurgica',
      'Plastiche',
      'Tessitura',
      'Fonderia',
    ],
  },
  edilizia: {
    weight: 12,
    benefits: [
      ['CIGO', 92],
      ['CIGS', 8],
    ],
    namePrefixes: ['Costruzioni', 'Edil', 'Impresa Edile', 'Cantieri'],
  },
  artigianato: {
    weight: 15,
    benefits: [
      ['FSB', 85],
      ['CIGD', 15],
    ],
    namePrefixes: ['Falegnameria', 'Carrozzeria', 'Sartoria', 'Panificio', 'Ceramiche'],
  },
  commercio: {
    weight: 15,
    benefits: [
      ['AIS_FIS', 65],
      ['CIGS', 12],
      ['CIGD', 23],
    ],
    namePrefixes: ['Commerciale', 'Distribuzione', 'Magazzini', 'Emporio', 'Supermercati'],
  },
  terziario: {
    weight: 15,
    benefits: [
      ['AIS_FIS', 75],
      ['FSB', 10],
      ['CIGD', 15],
    ],
    namePrefixes: ['Servizi', 'Ristorazione', 'Hotel', 'Multiservizi', 'Pulizie'],
  },
  trasporti: {
    weight: 6,
    benefits: [
      ['FSB', 40],
      ['AIS_FIS', 40],
      ['CIGS', 20],
    ],
    namePrefixes: ['Trasporti', 'Logistica', 'Autolinee', 'Spedizioni'],
  },
  agricoltura: {
    weight: 7,
    benefits: [['CISOA', 100]],
    namePrefixes: ['Azienda Agricola', 'Cantina', 'Frutticoltura'],
  },
};

const REASONS: Readonly<Record<BenefitType, readonly string[]>> = {
  CIGO: ['Mancanza di lavoro o commesse', 'Eventi meteo', 'Crisi di mercato', 'Mancanza di materie prime'],
  CIGS: ['Riorganizzazione aziendale', 'Crisi aziendale', 'Contratto di solidarietà'],
  CIGD: ['Crisi di settore'],
  AIS_FIS: ['Riduzione o sospensione dell’attività', 'Crisi di mercato'],
  FSB: ['Riduzione o sospensione dell’attività', 'Mancanza di lavoro o commesse'],
  CISOA: ['Intemperie stagionali', 'Altre cause non imputabili al datore di lavoro'],
};

/** Why a company asked, as the causale on its application. */
export function reasonsFor(benefitType: BenefitType, covidEra: boolean): readonly string[] {
  return covidEra && benefitType !== 'CISOA' ? ['Emergenza COVID-19'] : REASONS[benefitType];
}

/** Benefit weights for a company of this size and time: CIGS from 16 employees, CIGD mostly in the pandemic. */
export function benefitWeights(
  sector: Sector,
  companySize: number,
  covidEra: boolean,
): (readonly [BenefitType, number])[] {
  const weights = SECTOR_PROFILES[sector].benefits
    .filter(([type]) => type !== 'CIGS' || companySize > 15)
    .map(([type, weight]) => [type, type === 'CIGD' && !covidEra ? weight / 5 : weight] as const);
  return weights.length > 0 ? weights : [['AIS_FIS', 1]];
}
