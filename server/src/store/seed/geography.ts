import { PROVINCES, type Province, provinceBySigla, provincesOfRegion } from '@infocig/shared';
import { type Random, WeightedTable } from './random.ts';

const BY_POPULATION = new WeightedTable(
  PROVINCES.map((province) => [province, province.population] as const),
);

/** A province drawn in proportion to its residents. */
export function populationWeightedProvince(random: Random): Province {
  return BY_POPULATION.pick(random);
}

export function province(sigla: string): Province {
  const found = provinceBySigla(sigla);
  if (!found) throw new RangeError(`unknown province: ${sigla}`);
  return found;
}

/** Where a worker of a workplace lives: mostly the same province, else nearby, else anywhere. */
export function residenceNear(random: Random, workplace: Province): Province {
  const roll = random.next();
  if (roll < 0.8) return workplace;
  if (roll < 0.93) return random.pick(provincesOfRegion(workplace.regionIstat));
  return populationWeightedProvince(random);
}

/**
 * Cadastral (Belfiore) codes of the provincial capitals, used as birth places: the seed does not
 * carry the 8,000 municipalities, and a capital is a plausible birth place for anyone.
 */
// biome-ignore format: a table reads better in rows
const CAPITAL_PLACE_CODES: Readonly<Record<string, string>> = {
  TO: 'L219', VC: 'L750', NO: 'F952', CN: 'D205', AT: 'A479', AL: 'A182', AO: 'A326', IM: 'E290',
  SV: 'I480', GE: 'D969', SP: 'E463', VA: 'L682', CO: 'C933', SO: 'I822', MI: 'F205', BG: 'A794',
  BS: 'B157', PV: 'G388', CR: 'D150', MN: 'E897', BZ: 'A952', TN: 'L378', VR: 'L781', VI: 'L840',
  BL: 'A757', TV: 'L407', VE: 'L736', PD: 'G224', RO: 'H620', UD: 'L483', GO: 'E098', TS: 'L424',
  PC: 'G535', PR: 'G337', RE: 'H223', MO: 'F257', BO: 'A944', FE: 'D548', RA: 'H199', FC: 'D704',
  PU: 'G479', AN: 'A271', MC: 'E783', AP: 'A462', MS: 'F023', LU: 'E715', PT: 'G713', FI: 'D612',
  LI: 'E625', PI: 'G702', AR: 'A390', SI: 'I726', GR: 'E202', PG: 'G478', TR: 'L117', VT: 'M082',
  RI: 'H282', RM: 'H501', LT: 'E472', FR: 'D810', CE: 'B963', BN: 'A783', NA: 'F839', AV: 'A509',
  SA: 'H703', AQ: 'A345', TE: 'L103', PE: 'G482', CH: 'C632', CB: 'B519', FG: 'D643', BA: 'A662',
  TA: 'L049', BR: 'B180', LE: 'E506', PZ: 'G942', MT: 'F052', CS: 'D086', CZ: 'C352', RC: 'H224',
  TP: 'L331', PA: 'G273', ME: 'F158', AG: 'A089', CL: 'B429', EN: 'C342', CT: 'C351', RG: 'H163',
  SR: 'I754', SS: 'I452', NU: 'F979', CA: 'B354', PN: 'G888', IS: 'E335', OR: 'G113', BI: 'A859',
  LC: 'E507', LO: 'E648', RN: 'H294', PO: 'G999', KR: 'D122', VV: 'F537', VB: 'L746', MB: 'F704',
  FM: 'D542', BT: 'A669', SU: 'B745',
};

/** Countries of birth of many foreign-born workers in Italy, as codice fiscale `Z` codes. */
const FOREIGN_PLACE_CODES = new WeightedTable([
  ['Z129', 30], // Romania
  ['Z100', 12], // Albania
  ['Z330', 11], // Morocco
  ['Z210', 7], // China
  ['Z138', 6], // Ukraine
  ['Z222', 4], // India
  ['Z216', 4], // Philippines
  ['Z249', 4], // Bangladesh
  ['Z127', 3], // Poland
  ['Z611', 2], // Peru
] as const);

/** A birth place for someone living in `residence`: mostly there, some elsewhere in Italy, some abroad. */
export function birthPlaceCode(random: Random, residence: Province): string {
  const roll = random.next();
  if (roll < 0.1) return FOREIGN_PLACE_CODES.pick(random);
  const birthProvince = roll < 0.75 ? residence : populationWeightedProvince(random);
  return CAPITAL_PLACE_CODES[birthProvince.sigla] ?? 'H501';
}

export interface InpsOffice {
  code: string;
  name: string;
  province: string;
}

/** Large metropolitan areas are served by several INPS branches (names are illustrative). */
const METROPOLITAN_BRANCHES: Readonly<Record<string, readonly string[]>> = {
  RM: ['Roma Tuscolano', 'Roma Eur', 'Roma Flaminio', 'Roma Casilino Prenestino'],
  MI: ['Milano Missori', 'Milano Nord', 'Milano Porta Romana'],
  NA: ['Napoli Fuorigrotta', 'Napoli Vomero'],
  TO: ['Torino Nord', 'Torino Sud'],
};

/**
 * One office per province (code: ISTAT province code + `0`) plus branches in the metropolitan
 * areas (`1`, `2`, ...). Synthetic codes: INPS's own numbering is not public in this form.
 */
export const INPS_OFFICES: readonly InpsOffice[] = PROVINCES.flatMap((p) => [
  { code: `${p.istat}0`, name: `INPS Direzione provinciale di ${p.name}`, province: p.sigla },
  ...(METROPOLITAN_BRANCHES[p.sigla] ?? []).map((name, i) => ({
    code: `${p.istat}${i + 1}`,
    name: `INPS Filiale metropolitana ${name}`,
    province: p.sigla,
  })),
]);

const OFFICES_BY_PROVINCE = new Map<string, InpsOffice[]>();
for (const office of INPS_OFFICES) {
  OFFICES_BY_PROVINCE.set(office.province, [...(OFFICES_BY_PROVINCE.get(office.province) ?? []), office]);
}

/** The office handling a workplace in `sigla`. */
export function officeFor(random: Random, sigla: string): InpsOffice {
  return random.pick(OFFICES_BY_PROVINCE.get(sigla) ?? []);
}
