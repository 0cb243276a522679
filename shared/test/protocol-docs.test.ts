import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advisorCommands,
  advisorEvents,
  ERROR_CODES,
  supervisorCommands,
  supervisorEvents,
  visitorCommands,
  visitorEvents,
} from '../src/index.ts';

const doc = readFileSync(new URL('../PROTOCOL.md', import.meta.url), 'utf8');
const documented = new Set(
  [...doc.matchAll(/^(?:#{3,4} |- )`([a-z:-]+)`(?:, `([a-z:]+)`)*/gm)].flatMap((m) =>
    [...m[0].matchAll(/`([a-z:-]+)`/g)].map((n) => n[1]),
  ),
);

describe('PROTOCOL.md', () => {
  it.each([
    ['visitor commands', Object.keys(visitorCommands)],
    ['visitor pushes', Object.keys(visitorEvents)],
    ['advisor commands', Object.keys(advisorCommands)],
    ['advisor pushes', Object.keys(advisorEvents)],
    ['supervisor commands', Object.keys(supervisorCommands)],
    ['supervisor pushes', Object.keys(supervisorEvents)],
  ])('has a section for every one of the %s', (_, names) => {
    expect(names.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists every error code', () => {
    expect(ERROR_CODES.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
