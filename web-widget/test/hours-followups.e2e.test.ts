import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;
let advisor: Page;

// Workers' chat is closed but for a minute on Sunday night; employers' is always open.
beforeAll(async () => {
  e2e = await startE2E('hours-followups', {
    SERVICE_HOURS_WORKERS: 'sun 00:00-00:01',
    FOLLOWUP_OFFER_AFTER_SECONDS: '1',
    CHAT_INACTIVITY_SECONDS: '5',
    INACTIVITY_WARNING_SECONDS: '3',
  });
  advisor = await e2e.page();
  await advisor.goto(`${e2e.server.url}/console/?persona=advisor`);
  await advisor.getByText('Connesso', { exact: true }).waitFor();
  await advisor.getByRole('button', { name: 'Metti in pausa' }).click();
  await advisor.getByTestId('availability').filter({ hasText: 'In pausa' }).waitFor();
});

afterAll(async () => {
  expect(e2e?.browser.errors).toEqual([]);
  await e2e?.close();
});

const live = (page: Page) => page.getByTestId('ic-live').textContent();

async function widgetOf(persona: string) {
  const page = await e2e.page();
  await page.goto(`${e2e.server.url}/?persona=${persona}`);
  await page.getByText('Connesso', { exact: true }).waitFor();
  return page;
}

async function leaveMessage(page: Page, topic: string, text: string) {
  await page.getByLabel('Argomento (facoltativo)').fill(topic);
  await page.getByLabel('Messaggio per il consulente').fill(text);
  await page.getByRole('button', { name: 'Invia il messaggio' }).click();
  await page.locator('.icw-followup').filter({ hasText: text }).getByText('In attesa di risposta').waitFor();
}

describe('outside service hours and instead of waiting, people leave messages that advisors answer', () => {
  let worker: Page;
  let employer: Page;
  const question = 'Non ho ricevuto il pagamento di marzo: potete verificare?';

  it('tells a worker when the chat opens, and takes a message instead', async () => {
    worker = await widgetOf('worker-rm');
    const closed = worker.getByTestId('icw-service-closed');
    await closed.getByText('In questo momento i consulenti non sono in servizio.').waitFor();
    await closed
      .getByText('La chat con i consulenti è attiva domenica, dalle 00:00 alle 00:01 (ora italiana).')
      .waitFor();
    await closed.getByText(/^Riapre domenica \d{1,2} \S+ alle ore 00:00\.$/).waitFor();
    expect(await worker.getByRole('button', { name: 'Parla con un consulente' }).count()).toBe(0);
    await leaveMessage(worker, 'Pagamento di marzo', question);
    expect(await live(worker)).toContain('Messaggio inviato: un consulente ti risponderà qui.');
    await e2e.shot(worker, 'widget-closed-hours', worker.locator('.icw-chat'));
  });

  it('offers an employer who waits to leave a message instead, and the chat leaves the queue', async () => {
    employer = await widgetOf('employer-mi');
    await employer.getByRole('button', { name: 'Parla con un consulente' }).click();
    await employer.getByTestId('icw-queue').getByText('Sei il prossimo in coda.').waitFor();
    await employer.getByRole('button', { name: 'Lascia un messaggio invece di attendere' }).click();
    await e2e.shot(employer, 'widget-offer-form', employer.locator('.icw-chat'));
    await leaveMessage(employer, '', 'Richiamatemi per la domanda di CIGO di ottobre, grazie.');
    await employer.getByRole('button', { name: 'Parla con un consulente' }).waitFor();
    expect(await employer.getByTestId('icw-queue').count()).toBe(0);
  });

  it('lets the advisor list and answer them; the worker sees the answer at once', async () => {
    await advisor.getByRole('button', { name: 'Mostra i messaggi' }).click();
    const mario = advisor.locator('.icc-followup').filter({ hasText: 'Mario Rossi' });
    await mario.getByText(question).waitFor();
    await advisor.locator('.icc-followup').filter({ hasText: 'Giulia Bianchi' }).waitFor();
    await e2e.shot(advisor, 'console-followups');
    const answer = 'Il pagamento di marzo è stato disposto il 12 aprile: lo vedrà a giorni.';
    await mario.getByLabel('Risposta').fill(answer);
    await mario.getByRole('button', { name: 'Invia la risposta' }).click();
    await mario.waitFor({ state: 'detached' });
    expect(await live(advisor)).toContain('Risposta inviata a Mario Rossi.');

    const item = worker.locator('.icw-followup').filter({ hasText: question });
    await item.getByText('Risposta ricevuta').waitFor();
    await item.getByText(answer).waitFor();
    await item.getByText(/^Risposta di Paolo Romano, /).waitFor();
    expect(await live(worker)).toContain('È arrivata la risposta al tuo messaggio “Pagamento di marzo”.');
    await e2e.shot(worker, 'widget-answered', worker.locator('.icw-followup').first());
  });

  it('warns both sides with a service notice, then closes a silent chat and says why', async () => {
    await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
    await employer.getByRole('button', { name: 'Parla con un consulente' }).click();
    await employer.getByText('Stai parlando con Paolo Romano.').waitFor();
    // Each app words the service's notice itself, in its reader's language only.
    await employer
      .locator('.ic-system')
      .getByText(/^Questa chat verrà chiusa tra \d+ minut\S+ se nessuno scrive\.$/)
      .waitFor();
    await advisor
      .locator('.ic-system')
      .getByText(/^La chat verrà chiusa tra \d+ minut\S+ se nessuno scrive\.$/)
      .waitFor();
    expect(await employer.locator('.ic-system').getByText('Avviso del servizio').count()).toBe(1);
    await e2e.shot(employer, 'widget-notice', employer.locator('.icw-chat'));

    const ended = employer.locator('.icw-notice');
    await ended.getByText('La chat è terminata.').waitFor();
    await ended.getByText('La chat è stata chiusa perché nessuno ha scritto per un po’ di tempo.').waitFor();
    await advisor
      .locator('.icc-notice')
      .getByText(/Nessuno ha scritto per troppo tempo\./)
      .waitFor();
    await e2e.shot(employer, 'widget-inactive', employer.locator('.icw-chat'));
    await e2e.shot(advisor, 'console-inactive');
  });

  it('has an intermediary say which delegating company the chat is about, and the advisor sees it', async () => {
    const intermediary = await widgetOf('consultant-to');
    const ask = intermediary.getByRole('button', { name: 'Parla con un consulente' });
    expect(await ask.isDisabled()).toBe(true);
    await intermediary.getByRole('button', { name: /^Tessitura Sabauda S\.p\.A\./ }).click();
    await intermediary.locator('.icw-claim').first().waitFor();
    await ask.click();
    await intermediary.getByText('Stai parlando con Paolo Romano.').waitFor();
    await advisor
      .getByRole('navigation')
      .getByRole('button', { name: /Luca Ferrari/ })
      .click();
    await advisor
      .getByTestId('icc-subject-company')
      .filter({ hasText: 'Tessitura Sabauda S.p.A.' })
      .waitFor();
    await e2e.shot(intermediary, 'widget-intermediary', intermediary.locator('.icw-chat'));
  });
});
