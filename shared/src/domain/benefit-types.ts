import type { Label } from './labels.ts';

/** Tipo prestazione: the wage-supplementation schemes a claim can be for. */
export const BENEFIT_TYPES = ['CIGO', 'CIGS', 'CIGD', 'AIS_FIS', 'FSB', 'CISOA'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const BENEFIT_TYPE_LABELS: Record<BenefitType, Label> = {
  CIGO: { it: 'Cassa integrazione ordinaria', en: 'Ordinary wage supplementation' },
  CIGS: { it: 'Cassa integrazione straordinaria', en: 'Extraordinary wage supplementation' },
  CIGD: { it: 'Cassa integrazione in deroga', en: 'Wage supplementation by derogation' },
  AIS_FIS: {
    it: 'Assegno di integrazione salariale (FIS)',
    en: 'Wage supplementation allowance (FIS fund)',
  },
  FSB: { it: 'Fondo di solidarietà bilaterale', en: 'Bilateral solidarity fund' },
  CISOA: {
    it: 'Cassa integrazione speciale operai agricoli',
    en: 'Special wage supplementation for farm workers',
  },
};

/**
 * A benefit type's name inside a sentence, in `lang`: "casi di cassa integrazione ordinaria",
 * "cases of ordinary wage supplementation". Never the raw code.
 */
export function benefitTypeInText(type: BenefitType, lang: keyof Label): string {
  const label = BENEFIT_TYPE_LABELS[type][lang];
  return label.charAt(0).toLowerCase() + label.slice(1);
}
