import type { Faker } from '@faker-js/faker';
import { buildCodiceFiscale, buildItalianIban, type Province, partitaIvaCheckDigit } from '@infocig/shared';
import { ulid } from 'ulid';
import { type Day, isoDate } from './calendar.ts';
import { birthPlaceCode } from './geography.ts';
import type { Random } from './random.ts';

export interface Person {
  cf: string;
  surname: string;
  firstName: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** ABI codes of large Italian banks and BancoPosta, for realistic-looking IBANs. */
const BANK_ABI_CODES = [
  '03069',
  '02008',
  '05034',
  '01030',
  '05387',
  '07601',
  '01005',
  '06230',
  '03032',
  '03015',
];

/**
 * Makes identifiers that are valid (check characters computed) and unique within one seed run:
 * codici fiscali, company numbers, INPS matricole, IBANs, application and protocol numbers.
 */
export class Identities {
  private readonly personalCfs = new Set<string>();
  private readonly companyCfs = new Set<string>();
  private nextCompanyNumber: number;
  private nextMatricola: number;
  private nextProtocol: number;
  private nextDecree: number;

  constructor(
    private readonly random: Random,
    private readonly faker: Faker,
    private readonly today: Day,
  ) {
    this.nextCompanyNumber = random.int(1_500_000, 3_000_000);
    this.nextMatricola = random.int(10_000_000, 20_000_000);
    this.nextProtocol = random.int(100_000, 500_000);
    this.nextDecree = random.int(100_000, 120_000);
  }

  /** Marks fixed identifiers (the demo personas') as taken. */
  reserve(cf: string): void {
    if (cf.length === 16) this.personalCfs.add(cf);
    else this.companyCfs.add(cf);
  }

  /** A person of working age living in `residence`, with a codice fiscale nobody else in the seed has. */
  person(residence: Province, sex: 'M' | 'F' = this.random.chance(0.55) ? 'M' : 'F'): Person {
    const surname = this.faker.person.lastName();
    const firstName = this.faker.person.firstName(sex === 'M' ? 'male' : 'female');
    const placeCode = birthPlaceCode(this.random, residence);
    for (;;) {
      const ageInDays = this.random.int(19 * 365, 64 * 365);
      const birthDate = isoDate(this.today - ageInDays);
      const cf = buildCodiceFiscale({ surname, firstName, birthDate, sex, placeCode });
      // Two people with the same name, birthday and birthplace would share a code (INPS would use
      // an omocodia variant); drawing another birthday keeps the data simple.
      if (this.personalCfs.has(cf)) continue;
      this.personalCfs.add(cf);
      return { cf, surname, firstName, birthDate, sex };
    }
  }

  /** Company codice fiscale: 7-digit serial, the 3-digit office code of the province, check digit. */
  companyCf(seat: Province): string {
    for (;;) {
      this.nextCompanyNumber += this.random.int(1, 40);
      const first10 = `${String(this.nextCompanyNumber).padStart(7, '0')}${seat.istat}`;
      const cf = first10 + partitaIvaCheckDigit(first10);
      if (this.companyCfs.has(cf)) continue;
      this.companyCfs.add(cf);
      return cf;
    }
  }

  /** INPS matricola: 10 digits, the province's ISTAT code's last two and a serial (synthetic layout). */
  matricola(workplace: Province): string {
    this.nextMatricola += this.random.int(1, 97);
    return `${workplace.istat.slice(1)}${String(this.nextMatricola).padStart(8, '0')}`;
  }

  iban(): string {
    return buildItalianIban({
      abi: this.random.pick(BANK_ABI_CODES),
      cab: this.random.digits(5),
      account: this.random.digits(12),
    });
  }

  /** ULIDs sort by submission time; their random part comes from the seeded generator. */
  applicationId(submittedAtMs: number): string {
    return ulid(submittedAtMs, () => this.random.next());
  }

  /** Shaped like INPS protocol numbers: `INPS.<office>.<dd/mm/yyyy>.<serial>`. */
  protocolNumber(officeCode: string, day: Day): string {
    const [year, month, date] = isoDate(day).split('-');
    this.nextProtocol += this.random.int(1, 300);
    return `INPS.${officeCode}.${date}/${month}/${year}.${String(this.nextProtocol).padStart(7, '0')}`;
  }

  decreeNumber(): string {
    this.nextDecree += this.random.int(1, 20);
    return String(this.nextDecree);
  }
}
