/**
 * Mints a development identity token, signed with the local stand-in for the portal's key.
 * `pnpm run token`: pnpm 12 has a `pnpm token` of its own (registry tokens).
 */
import { parseArgs } from 'node:util';
import {
  createTokenMinter,
  DEMO_PERSONAS,
  type IdentityClaims,
  loadConfig,
  loadOrCreateDevKeys,
  type PersonaId,
} from '@infocig/server';
import { fromRoot } from './lib/repo.ts';

const USAGE = `Prints a development identity token, signed with the local stand-in for the portal's key
(INFOCIG_DATA_DIR/dev-keys, default .data/dev-keys; made on first use).

  pnpm run token worker-rm
  pnpm run token --role lavoratore --sub RSSMRA80D12H501G --name "Mario Rossi" --province RM
  options: --role --sub --name --province --company-cf --company-name --ttl SECONDS (3600)

Demo personas: ${Object.keys(DEMO_PERSONAS).join(', ')}`;

const { values, positionals } = parseArgs({
  // `pnpm run token -- worker-rm` passes the `--` on.
  args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
  allowPositionals: true,
  options: {
    help: { type: 'boolean', short: 'h', default: false },
    role: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    province: { type: 'string' },
    'company-cf': { type: 'string' },
    'company-name': { type: 'string' },
    ttl: { type: 'string', default: '3600' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function claimsFromArgs(): IdentityClaims {
  const persona = positionals[0];
  if (persona) {
    if (!(persona in DEMO_PERSONAS))
      throw new Error(`Unknown persona "${persona}". Known: ${Object.keys(DEMO_PERSONAS).join(', ')}`);
    return DEMO_PERSONAS[persona as PersonaId];
  }
  if (!values.role || !values.sub || !values.name)
    throw new Error('Give a persona, or --role, --sub and --name.');
  return {
    role: values.role as IdentityClaims['role'],
    sub: values.sub,
    name: values.name,
    ...(values.province ? { province: values.province } : {}),
    ...(values['company-cf']
      ? { company: { cf: values['company-cf'], name: values['company-name'] ?? values['company-cf'] } }
      : {}),
  };
}

const config = loadConfig({
  ...process.env,
  INFOCIG_DATA_DIR: process.env.INFOCIG_DATA_DIR ?? fromRoot('.data'),
});
const keys = await loadOrCreateDevKeys(config.dataDir);
const mint = await createTokenMinter(keys.privateKeyPem, config.auth);
process.stdout.write(`${await mint(claimsFromArgs(), Number(values.ttl))}\n`);
