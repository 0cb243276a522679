import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../../web-widget/test/support/axe.ts';
import { type E2E, startE2E } from '../../web-widget/test/support/e2e.ts';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E('referrals');
});

afterAll(async () => {
  await e2e?.close();
});

const axeClean = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);

async function availableConsole(persona: string): Promise<Page> {
  const page = await e2e.page();
  await page.goto(`${e2e.server.url}/console/?persona=${persona}`);
  await page.getByText('Connesso', { exact: true }).waitFor();
  if ((await page.getByTestId('availability').textContent()) !== 'Disponibile') {
    await page.getByRole('button', { name: 'Rendimi disponibile' }).click();
  }
  await page.getByTestId('availability').filter({ hasText: 'Disponibile' }).waitFor();
  return page;
}

describe('a referral to the office of competence', () => {
  it('is opened from the chat, answered by the office, and its answer reaches the person', async () => {
    const { server, shot } = e2e;
    const advisor = await availableConsole('advisor');

    const worker = await e2e.page();
    await worker.goto(`${server.url}/?persona=worker-rm`);
    await worker.getByText('Connesso', { exact: true }).waitFor();
    await worker.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill('Pagamento restituito');
    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();
    await worker.getByText('Stai parlando con Paolo Romano.').waitFor();

    // The advisor refers the question to the office that owns the claim chosen.
    await advisor.getByRole('heading', { name: 'Mario Rossi', level: 2 }).waitFor();
    await advisor.getByRole('button', { name: 'Segnala alla sede' }).click();
    const claim = advisor.getByLabel('Pratica');
    const office = 'INPS Direzione provinciale di Roma';
    expect(await claim.locator('option:checked').textContent()).toContain(office);
    const question = 'Il pagamento di marzo risulta restituito: potete riemetterlo?';
    await advisor.getByLabel('Domanda per la sede (la persona la vedrà tra i suoi messaggi)').fill(question);
    await axeClean(advisor);
    await shot(advisor, 'console-referral-form');
    await advisor.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await advisor.getByText(`Segnalata a ${office}.`).waitFor();

    // The person reads it in the chat and finds it among their messages.
    await worker
      .locator('.ic-messages')
      .getByText(`Il consulente ha inoltrato la tua domanda a ${office}`, { exact: false })
      .waitFor();
    const mine = worker.locator('.icw-followup').filter({ hasText: question });
    await mine.getByText(`Domanda inoltrata dal consulente a ${office}`).waitFor();
    await mine.getByText('In attesa di risposta').waitFor();
    await axeClean(worker);

    // Closing, the outcome is already "referred to the office".
    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    expect(await advisor.getByRole('radio', { name: 'Inviato alla sede' }).isChecked()).toBe(true);
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    await worker.locator('.icw-notice').getByText('Il consulente ha chiuso la chat.').waitFor();

    // The office's staff list, take and answer it.
    const staff = await e2e.page();
    await staff.goto(`${server.url}/console/?persona=office-rm`);
    await staff.getByText('Connesso', { exact: true }).waitFor();
    const panel = staff.locator('section').filter({
      has: staff.getByRole('heading', { name: `Segnalazioni per ${office}` }),
    });
    await panel.getByRole('button', { name: 'Mostra le segnalazioni' }).click();
    const item = panel.locator('.icc-followup').filter({ hasText: question });
    await item.getByText('Inviata da Paolo Romano', { exact: false }).waitFor();
    await axeClean(staff);
    await item.getByRole('button', { name: 'Prendi in carico' }).click();
    await mine.getByText('In lavorazione presso la sede').waitFor();
    const answer = 'Il pagamento è stato riemesso: lo riceverà entro il 20 del mese.';
    await item.getByLabel('Risposta alla persona').fill(answer);
    await axeClean(staff);
    await shot(staff, 'console-referral-answer');
    await item.getByRole('button', { name: 'Invia la risposta' }).click();
    await panel.getByText('Nessuna segnalazione aperta.').waitFor();

    // The answer reaches the person's widget, live.
    await mine.getByText('Risposta ricevuta').waitFor();
    await mine.getByText(answer).waitFor();
    await mine.getByText('Risposta di Sara Conti', { exact: false }).waitFor();
    await axeClean(worker);
    await shot(worker, 'widget-referral-answered');

    // Supervisors see the office's open referrals (none left now) in their view.
    const supervisor = await e2e.page();
    await supervisor.goto(`${server.url}/console/?persona=supervisor#/referrals`);
    await supervisor.getByRole('heading', { name: 'Segnalazioni alle sedi ancora senza risposta' }).waitFor();
    await supervisor.getByText('Nessuna segnalazione aperta.').waitFor();
    await axeClean(supervisor);
  });
});
