import {
  type AdvisorClient,
  connectAdvisor,
  connectVisitor,
  refusal,
  startTestServer,
  type TestServer,
  type VisitorClient,
} from '@infocig/server/testing';
import { handshakeAuth, NAMESPACES } from '@infocig/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../../web-widget/test/support/axe.ts';
import { type E2E, startE2E } from '../../web-widget/test/support/e2e.ts';

let e2e: E2E;
/** Another process of the same deployment: same Redis, its own sockets. */
let second: TestServer;
let page: Page;
const clients: (VisitorClient | AdvisorClient)[] = [];
const ADVISOR_ID = 'RMNPLA85P15H501Q';

beforeAll(async () => {
  e2e = await startE2E('supervisor');
  second = await startTestServer({ sharePrefixOf: e2e.server });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await second?.close();
  await e2e?.close();
});

const figure = (queue: string, name: string) =>
  page.locator(`[data-testid="queue-${queue}"] [data-figure="${name}"] dd`);

async function expectAccessible() {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

async function admitted(server: TestServer): Promise<boolean> {
  const visitor = await connectVisitor(server.url, await server.token('worker-rm'));
  try {
    return (await visitor.next('session:ready')).admission.admitted;
  } finally {
    visitor.close();
  }
}

describe('the supervisor area', () => {
  it('signs a supervisor in and shows a queue growing when a visitor on another process opens a chat', async () => {
    page = await e2e.page();
    await page.goto(`${e2e.server.url}/console/?persona=supervisor`);
    await page.getByRole('heading', { name: 'Code in tempo reale' }).waitFor();
    await page.getByText('Connesso', { exact: true }).waitFor();
    const before = Number(await figure('workers', 'waiting').textContent());
    await expectAccessible();

    const visitor = await connectVisitor(second.url, await second.token('worker-rm'));
    clients.push(visitor);
    await visitor.next('session:ready');
    await visitor.ok('chat:request', { topic: 'Quando arriva il pagamento?' });

    await expect
      .poll(async () => Number(await figure('workers', 'waiting').textContent()), { timeout: 8_000 })
      .toBe(before + 1);
    expect(await figure('workers', 'longest-wait').textContent()).not.toBe('—');
    await e2e.shot(page, 'queues');
    await expectAccessible();
  });

  it('pauses an advisor, who stays paused after reconnecting', async () => {
    const advisor = await connectAdvisor(e2e.server.url, await e2e.server.token('advisor'));
    clients.push(advisor);
    await advisor.next('session:ready');

    await page.getByRole('link', { name: 'Consulenti' }).click();
    const row = page.getByTestId(`advisor-${ADVISOR_ID}`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Metti in pausa Paolo Romano' }).click();
    await row.getByText('messo in pausa da un supervisore').waitFor();
    await advisor.next('advisor:profile', (p) => p.availability === 'paused');
    await expectAccessible();

    advisor.close();
    await row.getByText('Non connesso').waitFor();
    const again = await connectAdvisor(e2e.server.url, await e2e.server.token('advisor'));
    clients.push(again);
    expect((await again.next('session:ready')).availability).toBe('paused');
    await row.getByText('In pausa', { exact: true }).waitFor();
    await row.getByText('messo in pausa da un supervisore').waitFor();
    await e2e.shot(page, 'advisors');

    // And lets them work again.
    await row.getByRole('button', { name: 'Riattiva Paolo Romano' }).click();
    await again.next('advisor:profile', (p) => p.availability === 'available');
  });

  it('closes a province, opens it again with a preview of who it admits, and undoes that', async () => {
    const { server } = e2e;
    const [row] = await server.app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM workers WHERE residence_province = 'RM'",
    );
    const romans = row?.n ?? 0;
    expect(romans).toBeGreaterThan(0);
    expect(await admitted(server)).toBe(true);

    await page.getByRole('link', { name: 'Apertura del servizio' }).click();
    await page.getByRole('img', { name: /Mappa dell’apertura per Lavoratori: Italia/ }).waitFor();
    await expectAccessible();
    const list = page.getByRole('navigation', { name: 'Regioni e province' });
    await list.getByRole('button', { name: /^Lazio/ }).click();
    await page.getByRole('img', { name: /Lavoratori: Lazio/ }).waitFor();
    await list.getByRole('button', { name: /^Roma \(RM\)/ }).click();
    const panel = page.getByTestId('rollout-place');
    await panel.getByText('Aperto').waitFor();

    const change = async (action: string, reason: string) => {
      await panel.getByRole('button', { name: action }).click();
      await page.getByTestId('rollout-preview').waitFor();
      const today = await page.getByTestId('reach-today').textContent();
      await panel.getByLabel('Motivo della modifica').fill(reason);
      await expectAccessible();
      await panel.getByRole('button', { name: 'Conferma e salva' }).click();
      await page.getByText(/Piano salvato: versione \d+/).waitFor();
      return today;
    };

    expect(await change('Chiudi', 'Prova di chiusura')).toContain(`esclude ${romans} lavoratori`);
    await panel.getByText('Chiuso').waitFor();
    await expect.poll(() => admitted(server)).toBe(false);
    expect(await change('Apri ora', 'Riapertura di Roma')).toContain(`ammette ${romans} lavoratori`);
    await panel.getByText('Aperto').waitFor();
    await expect.poll(() => admitted(server), { timeout: 2_000 }).toBe(true);
    await e2e.shot(page, 'rollout');

    const history = page.getByRole('region', { name: 'Storico delle modifiche' });
    const newest = history.getByRole('listitem').first();
    await newest.getByText('Riapertura di Roma').waitFor();
    await newest.getByRole('button', { name: 'Annulla questa modifica' }).click();
    await page.getByText(/Modifica annullata: versione \d+/).waitFor();
    await panel.getByText('Chiuso').waitFor();
    await expect.poll(() => admitted(server), { timeout: 2_000 }).toBe(false);
    await expectAccessible();
  });

  it('shows the published figures as the endpoint gives them, and checks the access audit', async () => {
    const { server } = e2e;
    const thisMonth = new Date().toISOString().slice(0, 8);
    for (let i = 0; i < 5; i++) {
      await server.app.db.query(
        `INSERT INTO interactions (day, person_key, audience, role, outcome) VALUES ($1, $2, 'workers', 'lavoratore', 'self_service')`,
        [`${thisMonth}0${1 + (i % 3)}`, `e2e-figures-${i}`],
      );
    }
    const response = await fetch(`${server.url}/api/supervisor/figures`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    const figures = (await response.json()) as {
      total: { perMonth: { month: string; interactions: number }[] };
    };

    await page.getByRole('link', { name: 'Dati pubblicati' }).click();
    const chart = page.getByTestId('figures-per-month-chart');
    await chart.waitFor();
    const keys = (await chart.getAttribute('data-keys'))?.split(',') ?? [];
    const values = (await chart.getAttribute('data-values'))?.split(',').map(Number) ?? [];
    const shown = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
    expect(figures.total.perMonth.length).toBeGreaterThan(0);
    for (const { month, interactions } of figures.total.perMonth) expect(shown[month]).toBe(interactions);
    const listed = new Set(figures.total.perMonth.map((m) => m.month));
    for (const [month, value] of Object.entries(shown)) if (!listed.has(month)) expect(value).toBe(0);
    await e2e.shot(page, 'figures');
    await expectAccessible();

    await page.getByRole('link', { name: 'Registro accessi' }).click();
    await page.getByRole('button', { name: 'Verifica la catena' }).click();
    await page
      .getByTestId('audit-verify')
      .getByText(/Catena integra/)
      .waitFor();
    await e2e.shot(page, 'audit');
    await expectAccessible();
  });

  it('keeps the shared canned replies that every advisor can use', async () => {
    await page.getByRole('link', { name: 'Risposte predefinite' }).click();
    await page.getByRole('heading', { name: 'Risposte predefinite condivise' }).waitFor();
    await page.getByRole('button', { name: 'Aggiungi una risposta' }).click();
    const reply = page.getByRole('group', { name: /^Risposta \d+$/ }).last();
    await reply.getByLabel('Titolo').fill('Stato della domanda');
    await reply.getByLabel('Testo').fill('La sua domanda è {stato}. {prossimo_passo}');
    await page.getByRole('button', { name: 'Salva le risposte' }).click();
    await page.getByText(/Salvate \d+ risposte condivise/).waitFor();
    await expectAccessible();
    const response = await fetch(`${e2e.server.url}/api/supervisor/canned-replies`, {
      headers: { authorization: `Bearer ${await e2e.server.token('supervisor')}` },
    });
    const { replies } = (await response.json()) as {
      replies: { title: string; text: string; shared: boolean }[];
    };
    expect(replies).toContainEqual(
      expect.objectContaining({
        title: 'Stato della domanda',
        text: 'La sua domanda è {stato}. {prossimo_passo}',
        shared: true,
      }),
    );
  });

  it('refuses an advisor on the supervisor socket and REST, with a code', async () => {
    const token = await e2e.server.token('advisor');
    expect((await refusal(e2e.server.url, NAMESPACES.supervisor, handshakeAuth(token))).code).toBe(
      'AUTH_ROLE_FORBIDDEN',
    );
    const response = await fetch(`${e2e.server.url}/api/supervisor/rollout`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('AUTH_ROLE_FORBIDDEN');
  });
});
