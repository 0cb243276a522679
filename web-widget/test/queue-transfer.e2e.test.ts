import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('queue-transfer', { FOLLOWUP_OFFER_AFTER_SECONDS: '1' });
});

afterAll(async () => {
  await e2e?.close();
});

const live = (page: Page) => page.getByTestId('ic-live').textContent();
/** Locators reach into the widget's shadow root, where `document.querySelector` does not. */
const emptied = (page: Page, testId: string) =>
  expect.poll(() => page.getByTestId(testId).textContent(), { timeout: 30_000 }).toBe('');

async function saveQueues(advisor: Page, employers: boolean) {
  await advisor.getByRole('button', { name: 'Impostazioni' }).click();
  await advisor.getByRole('checkbox', { name: 'Aziende e intermediari' }).setChecked(employers);
  await advisor.getByRole('button', { name: 'Salva' }).click();
  const queues = employers ? 'Lavoratori, Aziende e intermediari' : 'Lavoratori';
  await advisor
    .getByTestId('icc-profile')
    .filter({ hasText: `Code: ${queues} ·` })
    .waitFor();
}

describe('queue, typing, read receipts and a transfer, in the widget and the console', () => {
  it('waits in the queue with its place and the wait, talks, reads, and is handed to another queue', async () => {
    const { server, browser, shot } = e2e;
    const advisor = await e2e.page();
    await advisor.goto(`${server.url}/console/?persona=advisor`);
    await advisor.getByText('Connesso', { exact: true }).waitFor();
    await advisor.getByRole('button', { name: 'Metti in pausa' }).click();
    await advisor.getByTestId('availability').filter({ hasText: 'In pausa' }).waitFor();

    // Queued while nobody is on duty: the place, and no wait made up.
    const worker = await e2e.page();
    await worker.goto(`${server.url}/?persona=worker-rm`);
    await worker.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill('Pagamento di marzo');
    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();
    const queue = worker.getByTestId('icw-queue');
    const chat = worker.locator('.icw-chat');
    await queue.getByText('Sei il prossimo in coda.').waitFor();
    const nobody =
      'Al momento nessun consulente è disponibile per questa coda: non possiamo dirti quanto dovrai attendere.';
    await queue.getByText(nobody).waitFor();
    expect(await live(worker)).toContain(`Sei il prossimo in coda. ${nobody}`);
    await worker.getByRole('button', { name: 'Lascia un messaggio invece di attendere' }).waitFor();
    await shot(worker, 'widget-queued', chat);

    await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();

    // Typing shows on the other side, and stops with the message sent.
    const question = 'Buongiorno, quando arriva il pagamento di marzo?';
    await worker.getByLabel('Il tuo messaggio').pressSequentially(question.slice(0, 20), { delay: 20 });
    await advisor.getByTestId('icc-typing').filter({ hasText: 'Mario Rossi sta scrivendo…' }).waitFor();
    await shot(advisor, 'console-typing');
    await worker.getByLabel('Il tuo messaggio').pressSequentially(question.slice(20));
    await worker.getByLabel('Il tuo messaggio').press('Enter');
    await advisor.locator('.ic-messages').getByText(question).waitFor();
    await emptied(advisor, 'icc-typing');

    // The console has the chat on screen: the worker sees it was read.
    await worker.locator('.ic-own .ic-read').filter({ hasText: 'Letto' }).waitFor();

    const answer = 'Buongiorno, verifico subito con la sede.';
    await advisor.getByLabel('Risposta').pressSequentially(answer.slice(0, 12), { delay: 20 });
    await worker.getByTestId('icw-typing').filter({ hasText: 'Il consulente sta scrivendo…' }).waitFor();
    await shot(worker, 'widget-typing', chat);
    await advisor.getByLabel('Risposta').pressSequentially(answer.slice(12));
    await advisor.getByLabel('Risposta').press('Enter');
    await worker.locator('.ic-messages .ic-other').getByText(answer).waitFor();
    await emptied(worker, 'icw-typing');
    await advisor.locator('.ic-own .ic-read').filter({ hasText: 'Letto' }).waitFor();
    await shot(worker, 'widget-read', chat);

    // Serving workers only, the advisor hands the chat to the employers' queue with a note.
    await saveQueues(advisor, false);
    expect(await live(advisor)).toContain('Profilo aggiornato: code Lavoratori; fino a 3 chat.');
    await shot(advisor, 'console-settings');
    await advisor.getByRole('button', { name: 'Chiudi', exact: true }).click();

    const note = 'Chiede della matricola aziendale: meglio il gruppo aziende.';
    await advisor.getByRole('button', { name: 'Trasferisci' }).click();
    await advisor.getByText('Nessun collega connesso.').waitFor();
    await advisor.getByRole('radio', { name: 'Coda Aziende e intermediari' }).check();
    await advisor.getByLabel('Nota interna per chi riceve la chat (obbligatoria)').fill(note);
    await shot(advisor, 'console-transfer');
    await advisor.getByRole('button', { name: 'Trasferisci la chat' }).click();
    await advisor.getByText('Nessuna chat assegnata.', { exact: false }).waitFor();
    expect(await live(advisor)).toContain('La chat con Mario Rossi è stata trasferita');

    await queue.getByText('La tua richiesta è stata passata a un altro gruppo di consulenti.').waitFor();
    await queue.getByText('Sei il prossimo in coda.').waitFor();
    expect(await live(worker)).toContain('La tua richiesta è stata passata a un altro gruppo di consulenti.');
    await shot(worker, 'widget-transferred', chat);

    // Serving employers again, the advisor gets it back, with the note for staff only.
    await saveQueues(advisor, true);
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();
    const notes = advisor.locator('.icc-note');
    await notes.getByText('Nota interna — non visibile alla persona').waitFor();
    await notes.getByText(note).waitFor();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();
    expect(await worker.getByText(note).count()).toBe(0);
    await shot(advisor, 'console-note');

    expect(browser.errors).toEqual([]);
  });
});
