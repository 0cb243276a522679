import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  isProvinceSigla,
  PROVINCES,
  ProvinceSiglaSchema,
  provinceBySigla,
  provincesOfRegion,
  REGIONS,
} from '../src/domain/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const referenceCsv = path.resolve(repoRoot, '..', 'shared', 'data', 'province-istat-2020.csv');

describe('provinces', () => {
  it('has 107 provinces in 20 regions, with unique codes', () => {
    expect(PROVINCES).toHaveLength(107);
    expect(REGIONS).toHaveLength(20);
    expect(new Set(PROVINCES.map((p) => p.sigla)).size).toBe(107);
    expect(new Set(PROVINCES.map((p) => p.istat)).size).toBe(107);
    expect(new Set(REGIONS.map((r) => r.istat)).size).toBe(20);
  });

  it('gives every region at least one province and every province a known region', () => {
    for (const region of REGIONS) expect(provincesOfRegion(region.istat).length).toBeGreaterThan(0);
    const total = REGIONS.reduce((sum, region) => sum + provincesOfRegion(region.istat).length, 0);
    expect(total).toBe(107);
    for (const province of PROVINCES) {
      const region = REGIONS.find((r) => r.istat === province.regionIstat);
      expect(region?.name).toBe(province.region);
      expect(region?.zone).toBe(province.zone);
      expect(province.population).toBeGreaterThan(0);
    }
  });

  it('finds provinces by sigla', () => {
    expect(provinceBySigla('RM')).toEqual({
      istat: '058',
      sigla: 'RM',
      name: 'Roma',
      regionIstat: '12',
      region: 'Lazio',
      zone: 'Centro',
      population: 3997465,
    });
    expect(provinceBySigla('SU')?.region).toBe('Sardegna');
    expect(provinceBySigla('rm')).toBeUndefined();
    expect(provinceBySigla('XX')).toBeUndefined();
    expect(provincesOfRegion('12').map((p) => p.sigla)).toEqual(['VT', 'RI', 'RM', 'LT', 'FR']);
    expect(provincesOfRegion('99')).toEqual([]);
  });

  it('recognises siglas', () => {
    expect(isProvinceSigla('MI')).toBe(true);
    expect(isProvinceSigla('mi')).toBe(false);
    expect(isProvinceSigla('XX')).toBe(false);
    expect(ProvinceSiglaSchema.parse('NA')).toBe('NA');
    expect(ProvinceSiglaSchema.safeParse('ZZ').success).toBe(false);
  });

  it.skipIf(!existsSync(referenceCsv))('matches every row of the ISTAT 2020 reference file', () => {
    const [header, ...lines] = readFileSync(referenceCsv, 'utf8').trim().split(/\r?\n/);
    expect(header).toBe('istat_provincia,sigla,provincia,istat_regione,regione,zona,comuni,popolazione');
    expect(lines).toHaveLength(PROVINCES.length);
    for (const line of lines) {
      const [istat, sigla, name, regionIstat, region, zone, , population] = line.split(',');
      expect(provinceBySigla(sigla!)).toEqual({
        istat,
        sigla,
        name,
        regionIstat,
        region,
        zone,
        population: Number(population),
      });
    }
  });
});
