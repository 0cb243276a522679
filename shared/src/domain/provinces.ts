import { z } from 'zod';

/**
 * Italy's 20 regions and 107 provinces as of 2020 (ISTAT). Municipalities and provinces change: this
 * is one dated version of the geography, replaced whole when a new one is adopted.
 */
export const GEOGRAPHY_VERSION = 'istat-2020';

/** ISTAT statistical zones (NUTS 1). */
export type Zone = 'Nord-ovest' | 'Nord-est' | 'Centro' | 'Sud' | 'Isole';

export interface Region {
  /** Two-digit ISTAT region code, e.g. `12`. */
  istat: string;
  name: string;
  zone: Zone;
}

export const REGIONS: readonly Region[] = [
  { istat: '01', name: 'Piemonte', zone: 'Nord-ovest' },
  { istat: '02', name: "Valle d'Aosta/Vallée d'Aoste", zone: 'Nord-ovest' },
  { istat: '03', name: 'Lombardia', zone: 'Nord-ovest' },
  { istat: '04', name: 'Trentino-Alto Adige/Südtirol', zone: 'Nord-est' },
  { istat: '05', name: 'Veneto', zone: 'Nord-est' },
  { istat: '06', name: 'Friuli-Venezia Giulia', zone: 'Nord-est' },
  { istat: '07', name: 'Liguria', zone: 'Nord-ovest' },
  { istat: '08', name: 'Emilia-Romagna', zone: 'Nord-est' },
  { istat: '09', name: 'Toscana', zone: 'Centro' },
  { istat: '10', name: 'Umbria', zone: 'Centro' },
  { istat: '11', name: 'Marche', zone: 'Centro' },
  { istat: '12', name: 'Lazio', zone: 'Centro' },
  { istat: '13', name: 'Abruzzo', zone: 'Sud' },
  { istat: '14', name: 'Molise', zone: 'Sud' },
  { istat: '15', name: 'Campania', zone: 'Sud' },
  { istat: '16', name: 'Puglia', zone: 'Sud' },
  { istat: '17', name: 'Basilicata', zone: 'Sud' },
  { istat: '18', name: 'Calabria', zone: 'Sud' },
  { istat: '19', name: 'Sicilia', zone: 'Isole' },
  { istat: '20', name: 'Sardegna', zone: 'Isole' },
];

/** [istat, sigla, name, regionIstat, population] */
const PROVINCE_ROWS = [
  ['001', 'TO', 'Torino', '01', 2247780],
  ['002', 'VC', 'Vercelli', '01', 176941],
  ['003', 'NO', 'Novara', '01', 365559],
  ['004', 'CN', 'Cuneo', '01', 586378],
  ['005', 'AT', 'Asti', '01', 217573],
  ['006', 'AL', 'Alessandria', '01', 427229],
  ['007', 'AO', "Valle d'Aosta/Vallée d'Aoste", '02', 126806],
  ['008', 'IM', 'Imperia', '07', 214502],
  ['009', 'SV', 'Savona', '07', 281028],
  ['010', 'GE', 'Genova', '07', 855834],
  ['011', 'SP', 'La Spezia', '07', 219330],
  ['012', 'VA', 'Varese', '03', 871886],
  ['013', 'CO', 'Como', '03', 586735],
  ['014', 'SO', 'Sondrio', '03', 180814],
  ['015', 'MI', 'Milano', '03', 3038420],
  ['016', 'BG', 'Bergamo', '03', 1088284],
  ['017', 'BS', 'Brescia', '03', 1238044],
  ['018', 'PV', 'Pavia', '03', 535822],
  ['019', 'CR', 'Cremona', '03', 357623],
  ['020', 'MN', 'Mantova', '03', 408336],
  ['021', 'BZ', 'Bolzano/Bozen', '04', 504643],
  ['022', 'TN', 'Trento', '04', 524832],
  ['023', 'VR', 'Verona', '05', 900542],
  ['024', 'VI', 'Vicenza', '05', 859205],
  ['025', 'BL', 'Belluno', '05', 208695],
  ['026', 'TV', 'Treviso', '05', 876790],
  ['027', 'VE', 'Venezia', '05', 846962],
  ['028', 'PD', 'Padova', '05', 921361],
  ['029', 'RO', 'Rovigo', '05', 242349],
  ['030', 'UD', 'Udine', '06', 536736],
  ['031', 'GO', 'Gorizia', '06', 140143],
  ['032', 'TS', 'Trieste', '06', 232601],
  ['033', 'PC', 'Piacenza', '08', 284616],
  ['034', 'PR', 'Parma', '08', 427434],
  ['035', 'RE', "Reggio nell'Emilia", '08', 517316],
  ['036', 'MO', 'Modena', '08', 685777],
  ['037', 'BO', 'Bologna', '08', 976243],
  ['038', 'FE', 'Ferrara', '08', 353481],
  ['039', 'RA', 'Ravenna', '08', 384761],
  ['040', 'FC', 'Forlì-Cesena', '08', 390738],
  ['041', 'PU', 'Pesaro e Urbino', '11', 362583],
  ['042', 'AN', 'Ancona', '11', 473865],
  ['043', 'MC', 'Macerata', '11', 319607],
  ['044', 'AP', 'Ascoli Piceno', '11', 210407],
  ['045', 'MS', 'Massa-Carrara', '09', 199650],
  ['046', 'LU', 'Lucca', '09', 388327],
  ['047', 'PT', 'Pistoia', '09', 287866],
  ['048', 'FI', 'Firenze', '09', 973145],
  ['049', 'LI', 'Livorno', '09', 335247],
  ['050', 'PI', 'Pisa', '09', 411190],
  ['051', 'AR', 'Arezzo', '09', 343676],
  ['052', 'SI', 'Siena', '09', 266621],
  ['053', 'GR', 'Grosseto', '09', 220564],
  ['054', 'PG', 'Perugia', '10', 655844],
  ['055', 'TR', 'Terni', '10', 228424],
  ['056', 'VT', 'Viterbo', '12', 312864],
  ['057', 'RI', 'Rieti', '12', 155164],
  ['058', 'RM', 'Roma', '12', 3997465],
  ['059', 'LT', 'Latina', '12', 544732],
  ['060', 'FR', 'Frosinone', '12', 492661],
  ['061', 'CE', 'Caserta', '15', 904921],
  ['062', 'BN', 'Benevento', '15', 284900],
  ['063', 'NA', 'Napoli', '15', 3054956],
  ['064', 'AV', 'Avellino', '15', 429157],
  ['065', 'SA', 'Salerno', '15', 1092876],
  ['066', 'AQ', "L'Aquila", '13', 298343],
  ['067', 'TE', 'Teramo', '13', 306349],
  ['068', 'PE', 'Pescara', '13', 314661],
  ['069', 'CH', 'Chieti', '13', 387956],
  ['070', 'CB', 'Campobasso', '14', 226419],
  ['071', 'FG', 'Foggia', '16', 626072],
  ['072', 'BA', 'Bari', '16', 1247303],
  ['073', 'TA', 'Taranto', '16', 584649],
  ['074', 'BR', 'Brindisi', '16', 400801],
  ['075', 'LE', 'Lecce', '16', 802018],
  ['076', 'PZ', 'Potenza', '17', 377935],
  ['077', 'MT', 'Matera', '17', 200101],
  ['078', 'CS', 'Cosenza', '18', 714030],
  ['079', 'CZ', 'Catanzaro', '18', 359841],
  ['080', 'RC', 'Reggio Calabria', '18', 550967],
  ['081', 'TP', 'Trapani', '19', 429917],
  ['082', 'PA', 'Palermo', '19', 1243585],
  ['083', 'ME', 'Messina', '19', 649824],
  ['084', 'AG', 'Agrigento', '19', 446837],
  ['085', 'CL', 'Caltanissetta', '19', 273099],
  ['086', 'EN', 'Enna', '19', 173451],
  ['087', 'CT', 'Catania', '19', 1078766],
  ['088', 'RG', 'Ragusa', '19', 307492],
  ['089', 'SR', 'Siracusa', '19', 399933],
  ['090', 'SS', 'Sassari', '20', 478544],
  ['091', 'NU', 'Nuoro', '20', 215165],
  ['092', 'CA', 'Cagliari', '20', 420677],
  ['093', 'PN', 'Pordenone', '06', 310811],
  ['094', 'IS', 'Isernia', '14', 87241],
  ['095', 'OR', 'Oristano', '20', 163031],
  ['096', 'BI', 'Biella', '01', 182192],
  ['097', 'LC', 'Lecco', '03', 334303],
  ['098', 'LO', 'Lodi', '03', 223755],
  ['099', 'RN', 'Rimini', '08', 321769],
  ['100', 'PO', 'Prato', '09', 245916],
  ['101', 'KR', 'Crotone', '18', 170803],
  ['102', 'VV', 'Vibo Valentia', '18', 163409],
  ['103', 'VB', 'Verbano-Cusio-Ossola', '01', 160264],
  ['108', 'MB', 'Monza e della Brianza', '03', 840129],
  ['109', 'FM', 'Fermo', '11', 174857],
  ['110', 'BT', 'Barletta-Andria-Trani', '16', 391723],
  ['111', 'SU', 'Sud Sardegna', '20', 361945],
] as const;

export type ProvinceSigla = (typeof PROVINCE_ROWS)[number][1];

/**
 * A province (or metropolitan city, or free consortium in Sicily). `istat` is the historical
 * three-digit province code, which metropolitan cities keep for administrative use (Roma: `058`).
 * Example: `{ istat: '058', sigla: 'RM', name: 'Roma', regionIstat: '12', region: 'Lazio',
 * zone: 'Centro', population: 3997465 }`.
 */
export interface Province {
  istat: string;
  sigla: ProvinceSigla;
  name: string;
  regionIstat: string;
  region: string;
  zone: Zone;
  /** Residents, from the project's 2020 reference data; used as a weight, not as a statistic. */
  population: number;
}

const REGION_BY_ISTAT = new Map(REGIONS.map((region) => [region.istat, region]));

export const PROVINCES: readonly Province[] = PROVINCE_ROWS.map(
  ([istat, sigla, name, regionIstat, population]) => {
    const region = REGION_BY_ISTAT.get(regionIstat)!;
    return { istat, sigla, name, regionIstat, region: region.name, zone: region.zone, population };
  },
);

export const PROVINCE_SIGLAS: readonly ProvinceSigla[] = PROVINCES.map((province) => province.sigla);

const PROVINCE_BY_SIGLA = new Map<string, Province>(PROVINCES.map((province) => [province.sigla, province]));

/** Exact, uppercase sigla, e.g. `RM`. */
export function isProvinceSigla(value: string): value is ProvinceSigla {
  return PROVINCE_BY_SIGLA.has(value);
}

export function provinceBySigla(sigla: string): Province | undefined {
  return PROVINCE_BY_SIGLA.get(sigla);
}

/** Provinces of a region by its two-digit ISTAT code, in ISTAT code order of the table. */
export function provincesOfRegion(regionIstat: string): readonly Province[] {
  return PROVINCES.filter((province) => province.regionIstat === regionIstat);
}

export const ProvinceSiglaSchema = z.enum(PROVINCE_SIGLAS);
