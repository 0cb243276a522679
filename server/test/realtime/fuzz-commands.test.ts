import {
  type Ack,
  advisorCommands,
  type CommandContract,
  ERROR_CODES,
  LIMITS,
  supervisorCommands,
  visitorCommands,
} from '@infocig/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_PERSONAS } from '../../src/dev/personas.ts';
import {
  type AdvisorClient,
  connectAdvisor,
  connectSupervisor,
  connectVisitor,
  type SupervisorClient,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '../support/index.ts';

/**
 * Every command of the protocol registries, for every role that can send it, gets generated bad
 * payloads over a real socket: wrong types, control characters and NUL, oversize and key-shaped
 * strings, arbitrary JSON, a missing payload, no ack. Each answer must be a coded ack — never
 * INTERNAL_ERROR, never silence — and the server must still serve honest calls at the end.
 * Iterating the registries means a new command is covered without touching this file.
 */

const RUNS_PER_COMMAND = 60;
const ACK_TIMEOUT_MS = 5_000;
const UNKNOWN_ULID = '01JD3Q7J0X7M2Y5V9W4T6R8S1A';
const ADVISOR = DEMO_PERSONAS.advisor.sub;
const DEMO_COLLEAGUE = { sub: 'VRDLRA80A41H501K', role: 'advisor', name: 'Laura Verdi' } as const;

type Registry = Record<string, CommandContract<z.ZodType, z.ZodType>>;
type Client = VisitorClient | AdvisorClient | SupervisorClient;

let server: TestServer;
let worker: VisitorClient;
let consultant: VisitorClient;
let advisor: AdvisorClient;
let colleague: AdvisorClient;
let supervisor: SupervisorClient;
/** Real ids the generators draw from, so that bad values also reach the deeper paths. */
const live = { chat: UNKNOWN_ULID, followUp: UNKNOWN_ULID };
let cases = 0;

// -- generated values -----------------------------------------------------------------------

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\r'];
/** NUL more often than the rest: it is the one stores refuse outright. */
const controlChar = fc.oneof({ weight: 3, arbitrary: fc.constant('\u0000') }, fc.constantFrom(...CONTROL));
const controlText = fc
  .tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const loneSurrogate = fc.constantFrom('\ud800', 'a\udc00b', '\udfff\ud800');
/** Above every text limit but under the 64 KiB packet limit (a bigger packet closes the socket, by design). */
const hugeText = fc.integer({ min: LIMITS.messageTextMaxChars + 1, max: 40_000 }).map((n) => 'x'.repeat(n));
/** Ids that, pasted into a key name, would name a key that exists: the advisor's chat set, a chat's stream. */
const liveKeyNames = fc.oneof(
  fc.constant(`${ADVISOR}:convs`),
  fc.constant(null).map(() => `${live.chat}:msgs`),
);
const keyShaped = fc.oneof(
  { weight: 3, arbitrary: liveKeyNames },
  fc.constantFrom(
    `${ADVISOR}:msgs`,
    'infocig:advisor:RMNPLA85P15H501Q',
    '*',
    '{tag}',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'a b',
    '',
  ),
  fc.constant(null).map(() => `${live.chat}:msgs`),
  fc.constant(null).map(() => `${live.chat}:cmids`),
  fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { minLength: 2, maxLength: 4 }).map((p) => p.join(':')),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
const badString = fc.oneof(
  controlText,
  loneSurrogate,
  hugeText,
  keyShaped,
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const badValue = fc.oneof(badString, wrongType);

/** Values an honest client might send for a field of that name (unknown names get bad values only). */
function plausible(field: string): fc.Arbitrary<unknown> | null {
  switch (field) {
    case 'conversationId':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(null).map(() => live.chat) },
        { weight: 1, arbitrary: fc.constant(UNKNOWN_ULID) },
      );
    case 'id':
      return fc.oneof(
        fc.constant(null).map(() => live.followUp),
        fc.constant(UNKNOWN_ULID),
      );
    case 'clientMessageId':
      return fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
    case 'text':
    case 'topic':
    case 'note':
      // Text a person types may carry pasted control characters: honest in shape, hostile in content.
      return fc.oneof(
        {
          weight: 2,
          arbitrary: fc.constantFrom('Buongiorno', 'Pagamento di marzo', 'riga uno\nriga due', 'e\u0301 già'),
        },
        { weight: 1, arbitrary: fc.oneof(controlText, loneSurrogate) },
      );
    case 'typing':
      return fc.boolean();
    case 'seq':
    case 'afterSeq':
      return fc.nat(20);
    case 'limit':
      return fc.integer({ min: 1, max: LIMITS.historyPageMax });
    case 'companyCf':
      return fc.constantFrom('04987650159', '01234560157', '00000000000');
    case 'applicationId':
      return fc.stringMatching(/^[A-Z0-9]{26}$/);
    case 'availability':
      return fc.constantFrom('available', 'paused');
    case 'queues':
      return fc.constantFrom(['workers'], ['employers'], ['workers', 'employers']);
    case 'capacity':
      return fc.integer({ min: 1, max: 10 });
    case 'to':
      return fc.oneof(
        fc.constantFrom({ queue: 'workers' }, { queue: 'employers' }),
        fc.constantFrom(ADVISOR, DEMO_COLLEAGUE.sub).map((advisorId) => ({ advisorId })),
        { weight: 2, arbitrary: keyShaped.map((advisorId) => ({ advisorId })) },
      );
    default:
      return null;
  }
}

/** Several huge fields together would pass the packet limit, which closes the socket by design. */
const fitsInAPacket = (payload: unknown) =>
  Buffer.byteLength(JSON.stringify(payload) ?? '') < LIMITS.maxPacketBytes - 1024;

/**
 * A payload for a command, from its own fields: all honest (honest values include hostile ones
 * where a field is an id, such as a transfer target shaped like a key); honest but one field bad
 * or missing, to reach the deeper paths; every field a toss-up; extra keys; or anything at all.
 */
function payloadFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), badValue);
  if (!(schema instanceof z.ZodObject)) return anything;
  const fields = Object.keys(schema.shape);
  const honestOf = (field: string) => plausible(field) ?? badValue;
  const honest = fc.record(Object.fromEntries(fields.map((f) => [f, honestOf(f)])));
  const mixed = fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(honestOf(f), badValue)])), {
    requiredKeys: [],
  });
  const variants: fc.WeightedArbitrary<unknown>[] = [
    { weight: 3, arbitrary: honest },
    { weight: 3, arbitrary: mixed },
    {
      weight: 1,
      arbitrary: fc
        .tuple(mixed, fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'role'), badValue))
        .map(([r, extra]) => ({ ...extra, ...r })),
    },
    { weight: 2, arbitrary: anything },
  ];
  if (fields.length > 0) {
    const oneBad = fc
      .tuple(honest, fc.constantFrom(...fields), fc.option(badValue, { nil: undefined }))
      .map(([good, field, bad]) => {
        const out: Record<string, unknown> = { ...good };
        if (bad === undefined) delete out[field];
        else out[field] = bad;
        return out;
      });
    variants.push({ weight: 5, arbitrary: oneBad });
  }
  return fc.oneof(...variants).filter(fitsInAPacket);
}

// -- the server and its people ---------------------------------------------------------------

/** High limits: this test is about answers, not about being refused for sending many. */
const UNLIMITED = Object.fromEntries(
  [
    'LIMIT_MESSAGES_PER_SOCKET',
    'LIMIT_MESSAGES_BURST_PER_SOCKET',
    'LIMIT_MESSAGES_PER_IDENTITY',
    'LIMIT_MESSAGES_BURST_PER_IDENTITY',
    'LIMIT_TYPING_PER_IDENTITY',
    'LIMIT_READS_PER_IDENTITY',
    'LIMIT_CHAT_REQUESTS_PER_IDENTITY',
    'LIMIT_COMMANDS_PER_SOCKET',
    'LIMIT_COMMANDS_BURST_PER_SOCKET',
  ].map((name) => [name, '100000/1']),
);

/** Puts the chat back where the generators expect it: the worker's, held by the advisor. */
async function resetScene(): Promise<void> {
  await advisor.ok('advisor:settings', { queues: ['workers', 'employers'], capacity: 10 });
  await advisor.ok('advisor:availability', { availability: 'available' });
  await colleague.ok('advisor:availability', { availability: 'paused' });
  const { conversation } = await worker.ok('chat:request', {});
  live.chat = conversation.id;
  if (conversation.status !== 'active')
    await worker.next('chat:assigned', (a) => a.conversationId === live.chat);
}

beforeAll(async () => {
  server = await startTestServer({
    env: { ...UNLIMITED, LIMIT_FOLLOWUPS_PER_DAY: '100000', LIMIT_DISCONNECT_AFTER: '0' },
  });
  worker = await connectVisitor(server.url, await server.token('worker-rm'));
  consultant = await connectVisitor(server.url, await server.token('consultant-to'));
  advisor = await connectAdvisor(server.url, await server.token('advisor'));
  colleague = await connectAdvisor(server.url, await server.token(DEMO_COLLEAGUE));
  supervisor = await connectSupervisor(server.url, await server.token('supervisor'));
  await Promise.all([
    advisor.next('session:ready'),
    colleague.next('session:ready'),
    supervisor.next('session:ready'),
  ]);
  live.followUp = (await worker.ok('followup:create', { text: 'Quando arriva il pagamento?' })).followUp.id;
  await resetScene();
});
afterAll(async () => {
  for (const client of [worker, consultant, advisor, colleague, supervisor]) client?.close();
  await server.close();
  console.log(`fuzz-commands: ${cases} generated cases (every command of every role, over real sockets)`);
});

// -- the property ----------------------------------------------------------------------------

const KNOWN = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL_ERROR'));

function expectCoded(event: string, ack: Ack<unknown>, result: z.ZodType): void {
  if (ack.ok) {
    expect(result.safeParse(ack.data).success, `${event} answered data outside its schema`).toBe(true);
    return;
  }
  expect(KNOWN.has(ack.error.code), `${event} answered ${ack.error.code}`).toBe(true);
}

function emitWithAck(client: Client, event: string, args: unknown[]): Promise<Ack<unknown>> {
  return client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args) as Promise<Ack<unknown>>;
}

const roles: [string, () => Client, Registry][] = [
  ['worker', () => worker, visitorCommands],
  ['intermediary', () => consultant, visitorCommands],
  ['advisor', () => advisor, advisorCommands],
  ['supervisor', () => supervisor, supervisorCommands],
];

describe.each(roles)('every %s command answers bad input with a code', (_, clientOf, registry) => {
  it.each(Object.keys(registry))('%s', async (event) => {
    const { payload, result } = registry[event] as CommandContract<z.ZodType, z.ZodType>;
    const client = clientOf();
    await resetScene();

    // No payload at all: the ack is the only argument.
    cases++;
    const missing = await emitWithAck(client, event, []);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    await fc.assert(
      fc.asyncProperty(payloadFor(payload), fc.nat(9), async (body, dice) => {
        cases++;
        // One in ten without an ack: nothing comes back, and nothing may break.
        if (dice === 0) {
          client.socket.emit(event, body);
          return;
        }
        expectCoded(event, await emitWithAck(client, event, [body]), result);
      }),
      { numRuns: RUNS_PER_COMMAND },
    );
    expect(client.socket.connected).toBe(true);
  });
});

describe('after the fuzzing', () => {
  it('the process is up and honest commands still work', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    await resetScene();
    const sent = await worker.ok('chat:send', {
      conversationId: live.chat,
      clientMessageId: 'honest-after-fuzz',
      text: 'Ci sono ancora?',
    });
    expect(sent.seq).toBeGreaterThan(0);
    const received = await advisor.next('chat:message', (m) => m.clientMessageId === 'honest-after-fuzz');
    expect(received.text).toBe('Ci sono ancora?');
    expect((await advisor.ok('advisors:list', {})).advisors.length).toBeGreaterThan(0);
    expect((await consultant.ok('followup:list', {})).followUps).toBeDefined();
    expect((await supervisor.ok('supervisor:overview', {})).queues).toHaveLength(2);
  });
});
