import { connectAdvisor, connectVisitor } from '@infocig/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('claim-answers');
});

afterAll(async () => {
  expect(e2e?.browser.errors).toEqual([]);
  await e2e?.close();
});

/** A long date, "3 dicembre 2026" or "3 December 2026". */
const DAY = String.raw`\d{1,2} \p{L}+ \d{4}`;
/** The start of a range: "3", "3 dicembre" or "3 dicembre 2026" (what the end repeats is left out). */
const START = String.raw`\d{1,2}( \p{L}+)?( \d{4})?`;

async function availableAdvisor(): Promise<Page> {
  const advisor = await e2e.page();
  await advisor.goto(`${e2e.server.url}/console/?persona=advisor`);
  await advisor.getByText('Connesso', { exact: true }).waitFor();
  if ((await advisor.getByTestId('availability').textContent()) !== 'Disponibile') {
    await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
  }
  await advisor.getByTestId('availability').filter({ hasText: 'Disponibile' }).waitFor();
  return advisor;
}

describe('the claims view answers a worker without an advisor', () => {
  it('says what each status means, who acts next and by when, and when the money is likely to come', async () => {
    const worker = await e2e.page();
    await worker.goto(`${e2e.server.url}/?persona=worker-rm`);
    await worker.getByText('Connesso', { exact: true }).waitFor();
    const claims = worker.locator('.icw-claims');
    await claims.locator('.icw-claim').first().waitFor();

    // Under the application and under each month: the status in plain words.
    await claims
      .getByText('La domanda è autorizzata. Per ogni mese INPS paga', { exact: false })
      .first()
      .waitFor();
    const payments = claims.locator('.icw-payment');
    expect(await payments.count()).toBeGreaterThan(1);
    const awaiting = payments.filter({ hasText: 'In attesa dei dati del datore di lavoro' }).first();
    await awaiting
      .getByText('INPS attende dal datore di lavoro i dati per pagarti', { exact: false })
      .waitFor();
    expect(await awaiting.locator('.ic-next-step').textContent()).toMatch(
      new RegExp(`^Chi deve agire ora: il datore di lavoro, entro il ${DAY}$`, 'u'),
    );

    // A payment still to come: the window, how sure, and on request what it rests on.
    const estimate = claims.getByTestId('ic-estimate').first();
    expect(await estimate.locator('.ic-estimate-window').textContent()).toMatch(
      new RegExp(`^(Primo p|P)agamento previsto tra il ${START} e il ${DAY}$`, 'u'),
    );
    expect(await claims.getByText(/^Pagamento previsto tra il /).count()).toBeGreaterThan(0);
    const confidence = await estimate.locator('.ic-estimate-confidence').textContent();
    expect(confidence).toMatch(/^Affidabilità della stima: (alta|media|bassa)$/);
    // How long it usually takes from this stage, from the same cases as the window.
    expect(await estimate.locator('.ic-estimate-typical').textContent()).toMatch(
      /^(Nei casi simili recenti|Secondo i tempi medi pubblicati), da questa fase al pagamento .*circa \d+ giorn[oi]\.$/,
    );
    const basis = estimate.locator('details');
    expect(await basis.getAttribute('open')).toBeNull();
    await basis.getByText('Su cosa si basa').click();
    await basis.getByText(/^Tempi (di \d+ casi|medi pubblicati da INPS)/).waitFor();
    if (confidence?.endsWith('bassa')) {
      // On the published averages alone: a rough guide, said at once, and no share promised.
      await estimate.getByText('È solo un’indicazione di massima', { exact: false }).waitFor();
      expect(await estimate.getByText('casi simili su 10', { exact: false }).count()).toBe(0);
    } else await basis.getByText(/^Circa [89] casi simili su 10/).waitFor();
    await e2e.shot(worker, 'widget-answers', worker.locator('.icw-claims > li').nth(1));

    // The same in English.
    await worker.getByRole('button', { name: 'English' }).click();
    const awaitingEn = payments.filter({ hasText: "Waiting for the employer's data" }).first();
    expect(await awaitingEn.locator('.ic-next-step').textContent()).toMatch(
      new RegExp(`^Who acts next: the employer, by ${DAY}$`, 'u'),
    );
    expect(await estimate.locator('.ic-estimate-window').textContent()).toMatch(/payment expected between /i);
    await basis.getByText(/^(Times of \d+|Average times published by INPS)/).waitFor();
    await e2e.shot(worker, 'widget-answers-en');
    await worker.getByRole('button', { name: 'Italiano' }).click();
    await worker.close();
  });
});

describe('who has seen my data', () => {
  it('after a chat, the worker’s access log lists the advisor, and a refused attempt is marked', async () => {
    const advisor = await availableAdvisor();
    const worker = await e2e.page();
    await worker.goto(`${e2e.server.url}/?persona=worker-rm`);
    await worker.getByText('Connesso', { exact: true }).waitFor();

    // Collapsed by default: nothing is read until asked.
    const privacy = worker.locator('.icw-privacy');
    const toggle = privacy.getByText('Chi ha consultato i miei dati');
    await toggle.click();
    await privacy.getByText('Nessun accesso ai tuoi dati è stato registrato.').waitFor();
    await toggle.click();

    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();

    // Another advisor reaches for this chat: refused, and recorded.
    const self = await connectVisitor(e2e.server.url, await e2e.server.token('worker-rm'));
    const conversationId = (await self.next('session:ready')).conversation?.id;
    self.close();
    const intruder = await connectAdvisor(
      e2e.server.url,
      await e2e.server.token({ sub: 'VRDGRG80A01H501U', role: 'advisor', name: 'Giorgio Verdi' }),
    );
    expect(await intruder.request('chat:history', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSATION_FORBIDDEN' },
    });
    intruder.close();

    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    await advisor.getByRole('radio', { name: 'Risolto in chat' }).check();
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    await worker
      .locator('.icw-notice')
      .getByText('Il consulente ha chiuso la chat.', { exact: true })
      .waitFor();

    await toggle.click();
    await privacy.getByRole('button', { name: 'Aggiorna' }).click();
    const rows = privacy.locator('tbody tr');
    await rows.filter({ hasText: 'Giorgio Verdi' }).waitFor();
    const granted = rows.filter({ hasText: 'Paolo Romano' });
    expect(await granted.count()).toBe(1);
    expect(await granted.locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{2,4}, \d{2}:\d{2}$/),
      'Paolo Romano',
      'Consulente esperto INPS',
      'pratiche e pagamenti, conversazione',
      'chat assegnata',
      'Consentito',
    ]);
    const refused = rows.filter({ hasText: 'Giorgio Verdi' });
    expect(await refused.getAttribute('class')).toContain('icw-refused');
    expect(await refused.locator('td').last().textContent()).toBe('Rifiutato');
    expect(await worker.getByTestId('ic-live').textContent()).toContain('accessi registrati ai tuoi dati');
    await e2e.shot(worker, 'widget-access-log', privacy);
  });
});
