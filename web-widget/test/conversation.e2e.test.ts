import { readFile } from 'node:fs/promises';
import { APPLICATION_STATUS_LABELS } from '@infocig/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('conversation');
});

afterAll(async () => {
  await e2e?.close();
});

const ANY_APPLICATION_STATUS = new RegExp(
  Object.values(APPLICATION_STATUS_LABELS)
    .map((l) => l.it)
    .join('|'),
);

describe('a worker asks an advisor through the widget and the console', () => {
  it('shows claims, queues, assigns, exchanges messages both ways and closes', async () => {
    const { server, browser, shot } = e2e;
    const advisor = await e2e.page();
    await advisor.goto(`${server.url}/console/?persona=advisor`);
    await advisor.getByText('Connesso', { exact: true }).waitFor();
    const availability = advisor.getByTestId('availability');
    if ((await availability.textContent()) !== 'Disponibile') {
      await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
    }
    await advisor.getByTestId('availability').filter({ hasText: 'Disponibile' }).waitFor();

    const worker = await e2e.page();
    await worker.goto(`${server.url}/?persona=worker-rm`);
    await worker.getByRole('heading', { name: 'Benvenuto, Mario Rossi' }).waitFor();
    await worker.getByText('Connesso', { exact: true }).waitFor();
    // Self-service first: the claims from the store, with their status in Italian.
    const claims = worker.locator('.icw-claim');
    await claims.first().waitFor();
    expect(await claims.first().locator('.icw-claim-status').textContent()).toMatch(ANY_APPLICATION_STATUS);
    expect(await worker.locator('.icw-payment').count()).toBeGreaterThan(0);
    await shot(worker, 'widget-claims');

    await worker.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill('Pagamento di marzo');
    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();
    await worker.getByText('Un consulente ha preso in carico la tua richiesta', { exact: true }).waitFor();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();

    // The console holds the chat, with who is asking and their claims.
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();
    await advisor
      .getByRole('navigation')
      .getByRole('button', { name: /Mario Rossi/ })
      .waitFor();
    await advisor.getByText('Pagamento di marzo').first().waitFor();
    expect(await advisor.locator('.icc-claim').count()).toBeGreaterThan(0);
    expect(await advisor.getByTestId('ic-live').textContent()).toContain(
      'Nuova chat assegnata: Mario Rossi.',
    );

    const question = 'Buongiorno, quando arriva il pagamento di marzo?';
    await worker.getByLabel('Il tuo messaggio').fill(question);
    await worker.getByLabel('Il tuo messaggio').press('Enter');
    await advisor.locator('.ic-messages').getByText(question).waitFor();
    await worker.locator('.ic-messages .ic-own').getByText(question).waitFor();

    const answer = 'Buongiorno, i dati del datore di lavoro sono arrivati: il pagamento è in lavorazione.';
    await advisor.getByLabel('Risposta').fill(answer);
    await advisor.getByRole('button', { name: 'Invia' }).click();
    await worker.locator('.ic-messages .ic-other').getByText(answer).waitFor();
    await advisor.locator('.ic-messages .ic-own').getByText(answer).waitFor();
    // Each side shows the exchange once: the echo of one's own message is merged by seq.
    expect(await worker.locator('.ic-messages li').count()).toBe(2);
    expect(await advisor.locator('.ic-messages li').count()).toBe(2);
    expect(await worker.getByTestId('ic-live').textContent()).toContain(
      `Nuovo messaggio da Paolo Romano: ${answer}`,
    );
    await shot(worker, 'widget-chat');
    await shot(advisor, 'console-chat');

    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    await advisor.getByRole('radio', { name: 'Risolto in chat' }).check();
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    const ended = worker.locator('.icw-notice');
    await ended.getByText('La chat è terminata.', { exact: true }).waitFor();
    await ended.getByText('Il consulente ha chiuso la chat.').waitFor();
    await advisor.locator('.icc-notice').getByText('Hai chiuso la chat.').waitFor();
    expect(await worker.getByTestId('ic-live').textContent()).toContain('Il consulente ha chiuso la chat.');
    await shot(worker, 'widget-closed');
    await shot(advisor, 'console-closed');

    // The person keeps the conversation: a text file of it, both sides in order.
    const [download] = await Promise.all([
      worker.waitForEvent('download'),
      worker.getByRole('button', { name: 'Scarica la conversazione' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^infocig-[0-9A-Z]{26}\.txt$/);
    const transcript = await readFile(await download.path(), 'utf8');
    expect(transcript.indexOf(question)).toBeGreaterThan(0);
    expect(transcript.indexOf(answer)).toBeGreaterThan(transcript.indexOf(question));

    expect(browser.errors).toEqual([]);
  });
});
