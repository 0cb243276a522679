import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('keeps');
});

afterAll(async () => {
  await e2e?.close();
});

describe('what the person keeps of a closed chat', () => {
  it('rates it, downloads its transcript, finds it again after a reload until dismissed', async () => {
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
    await worker.getByText('Connesso', { exact: true }).waitFor();
    await worker.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill('Pagamento di aprile');
    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();

    const question = 'Buongiorno, il pagamento di aprile è partito?';
    await worker.getByLabel('Il tuo messaggio').fill(question);
    await worker.getByLabel('Il tuo messaggio').press('Enter');
    await advisor.locator('.ic-messages').getByText(question).waitFor();
    const answer = 'Sì, è stato disposto ieri: arriverà entro pochi giorni.';
    await advisor.getByLabel('Risposta').fill(answer);
    await advisor.getByRole('button', { name: 'Invia' }).click();
    await worker.locator('.ic-messages .ic-other').getByText(answer).waitFor();

    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    await advisor.getByRole('radio', { name: 'Risolto in chat' }).check();
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    await worker.locator('.icw-notice').getByText('Il consulente ha chiuso la chat.').waitFor();

    // The rating: five radio buttons in a group named by its legend, and an optional comment.
    const stars = worker.getByRole('group', { name: 'Com’è andata questa chat?' });
    await stars.waitFor();
    expect(await stars.getByRole('radio').count()).toBe(5);
    expect(await seriousAxeViolations(worker)).toEqual([]);
    await shot(worker, 'keeps-rating');
    await stars.getByRole('radio', { name: '4 stelle su 5' }).check();
    await worker.getByLabel('Commento (facoltativo)').fill('Risposta chiara, grazie.');
    await worker.getByRole('button', { name: 'Invia la valutazione' }).click();
    await worker.getByText('Grazie per la tua valutazione.', { exact: false }).waitFor();
    await worker.getByText('La tua valutazione: 4 su 5.', { exact: false }).waitFor();
    expect(await seriousAxeViolations(worker)).toEqual([]);

    // Stored with the conversation, and counted for the supervisors.
    const ratings = await server.app.db.query<{ stars: number; comment: string }>(
      'SELECT stars, comment FROM conversation_ratings',
    );
    expect(ratings).toEqual([{ stars: 4, comment: 'Risposta chiara, grazie.' }]);

    // The transcript, downloaded from the widget, holds both messages in order.
    const [download] = await Promise.all([
      worker.waitForEvent('download'),
      worker.getByRole('button', { name: 'Scarica la conversazione' }).click(),
    ]);
    const transcript = await readFile(await download.path(), 'utf8');
    expect(transcript.indexOf(question)).toBeGreaterThan(0);
    expect(transcript.indexOf(answer)).toBeGreaterThan(transcript.indexOf(question));

    // After a reload the closed chat is still there, with its messages and its rating.
    await worker.reload();
    await worker.getByText('Connesso', { exact: true }).waitFor();
    await worker.locator('.ic-messages .ic-other').getByText(answer).waitFor();
    await worker.locator('.ic-messages .ic-own').getByText(question).waitFor();
    await worker.getByText('La tua valutazione: 4 su 5.', { exact: false }).waitFor();
    expect(await worker.getByRole('group', { name: 'Com’è andata questa chat?' }).count()).toBe(0);
    await worker.getByRole('button', { name: 'Scarica la conversazione' }).waitFor();
    expect(await seriousAxeViolations(worker)).toEqual([]);
    await shot(worker, 'keeps-reloaded');

    // Dismissed: gone, and it stays gone after another reload.
    await worker.getByRole('button', { name: 'Chiudi e archivia' }).click();
    await worker.getByRole('button', { name: 'Parla con un consulente' }).waitFor();
    expect(await worker.locator('.ic-messages').count()).toBe(0);
    expect(await seriousAxeViolations(worker)).toEqual([]);
    await worker.reload();
    await worker.getByText('Connesso', { exact: true }).waitFor();
    await worker.getByRole('button', { name: 'Parla con un consulente' }).waitFor();
    expect(await worker.getByText(answer).count()).toBe(0);
    expect(await worker.getByRole('button', { name: 'Chiudi e archivia' }).count()).toBe(0);
    expect(await seriousAxeViolations(worker)).toEqual([]);

    expect(browser.errors).toEqual([]);
  });
});
