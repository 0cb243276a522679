import { HISTORICAL_ROLLOUT, type RolloutPhase } from '@infocig/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;
let advisor: Page;

const CONSULTANT_CF = 'FRRLCU72L08L219Y';
const TESSITURA = /^Tessitura Sabauda S\.p\.A\./;
const LOGISTICA = /^Logistica Navigli S\.r\.l\./;

beforeAll(async () => {
  e2e = await startE2E('companies');
  advisor = await e2e.page();
  await advisor.goto(`${e2e.server.url}/console/?persona=advisor`);
  await advisor.getByText('Connesso', { exact: true }).waitFor();
  if ((await advisor.getByTestId('availability').textContent()) !== 'Disponibile') {
    await advisor.getByRole('button', { name: 'Rendimi disponibile' }).click();
  }
  await advisor.getByTestId('availability').filter({ hasText: 'Disponibile' }).waitFor();
});

afterAll(async () => {
  expect(e2e?.browser.errors).toEqual([]);
  await e2e?.close();
});

async function consultantPage(): Promise<Page> {
  const page = await e2e.page();
  await page.goto(`${e2e.server.url}/?persona=consultant-to`);
  await page.getByText('Connesso', { exact: true }).waitFor();
  return page;
}

async function setRollout(phases: readonly RolloutPhase[], reason: string) {
  const token = await e2e.server.token('supervisor');
  const response = await fetch(`${e2e.server.url}/api/supervisor/rollout`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phases, reason }),
  });
  expect(response.status).toBe(200);
}

describe('an intermediary acts for a delegating company', () => {
  it('picks a company, sees its claims, asks about one application; the advisor sees both', async () => {
    const consultant = await consultantPage();
    // Nothing is shown, nor can be asked, before a company is picked.
    await consultant.getByText('Scegli un’azienda per vedere le sue domande.').waitFor();
    expect(await consultant.locator('.icw-claim').count()).toBe(0);
    expect(await consultant.getByRole('button', { name: 'Parla con un consulente' }).isDisabled()).toBe(true);

    const tessitura = consultant.getByRole('button', { name: TESSITURA });
    await tessitura.click();
    await consultant.getByText('Domande di Tessitura Sabauda S.p.A.', { exact: true }).waitFor();
    await consultant.locator('.icw-claim').first().waitFor();
    expect(await tessitura.getAttribute('aria-pressed')).toBe('true');
    expect(await consultant.getByTestId('ic-guidance').count()).toBeGreaterThan(0);
    await consultant.getByText('La richiesta riguarda l’azienda Tessitura Sabauda S.p.A.').waitFor();

    const which = consultant.getByLabel('Su quale domanda? (facoltativo)');
    await which.selectOption({ index: 1 });
    const chosen = (await which.locator('option:checked').textContent()) ?? '';
    const [benefitType] = chosen.split(' · ');
    const protocol = /prot\. (.+)$/.exec(chosen)?.[1];
    await consultant.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill('Stato della domanda');
    await e2e.shot(consultant, 'widget-consultant-form', consultant.locator('.icw-chat'));
    await consultant.getByRole('button', { name: 'Parla con un consulente' }).click();
    await consultant.getByText('Stai parlando con Paolo Romano.').waitFor();

    // The console: the company the question is about, and that application first and marked.
    await advisor.getByRole('heading', { name: 'Luca Ferrari', level: 2 }).waitFor();
    expect(await advisor.getByTestId('icc-subject-company').textContent()).toBe(
      'Azienda: Tessitura Sabauda S.p.A.',
    );
    const application = await advisor.getByTestId('icc-subject-application').textContent();
    expect(application).toContain(`Domanda indicata: ${benefitType} · `);
    const subject = advisor.getByTestId('icc-subject-claim');
    expect(await subject.count()).toBe(1);
    expect(await advisor.locator('.icc-claim').count()).toBeGreaterThan(1);
    expect(await advisor.locator('.icc-claim').first().getAttribute('data-testid')).toBe('icc-subject-claim');
    await subject.getByText('La persona chiede di questa domanda').waitFor();
    expect(await subject.locator('h4').textContent()).toBe(`${benefitType} · Tessitura Sabauda S.p.A.`);
    if (protocol) expect(await subject.locator('dd').allTextContents()).toContain(protocol);
    expect(await advisor.getByTestId('ic-guidance').count()).toBeGreaterThan(0);
    await e2e.shot(advisor, 'console-subject');

    await advisor.getByRole('button', { name: 'Chiudi la chat' }).click();
    await advisor.getByRole('radio', { name: 'Risolto in chat' }).check();
    await advisor.getByRole('button', { name: 'Conferma la chiusura' }).click();
    await consultant
      .locator('.icw-notice')
      .getByText('Il consulente ha chiuso la chat.', { exact: true })
      .waitFor();
    await consultant.close();
  });

  it('an owner has their own company preselected, worded as theirs, on a narrow screen too', async () => {
    const owner = await e2e.page();
    await owner.setViewportSize({ width: 400, height: 900 });
    await owner.goto(`${e2e.server.url}/?persona=employer-mi`);
    await owner.getByRole('heading', { name: 'Le domande della tua azienda' }).waitFor();
    await owner.locator('.icw-claim').first().waitFor();
    expect(await owner.locator('.icw-company-picker').count()).toBe(0);
    await owner.getByText('Chi deve agire ora: la tua azienda', { exact: false }).first().waitFor();
    await owner.getByText('La richiesta riguarda l’azienda Officine Meccaniche Lombarde S.r.l.').waitFor();
    expect(await owner.getByRole('button', { name: 'Parla con un consulente' }).isDisabled()).toBe(false);
    const supplement = owner.locator('.icw-claims > li').filter({ hasText: 'Supplemento istruttorio' });
    await e2e.shot(owner, 'widget-owner-narrow', supplement.first());
    await e2e.shot(owner, 'widget-owner-narrow-form', owner.locator('.icw-chat'));
    await owner.close();
  });

  it('a company the rollout does not cover yet is shown, disabled, with the reason and the date', async () => {
    const milanOnly: RolloutPhase[] = [
      ...HISTORICAL_ROLLOUT.filter(
        (p) => p.audience === 'workers' || (p.place.kind === 'province' && p.place.code === 'MI'),
      ),
      { audience: 'employers', place: { kind: 'province', code: 'TO' }, from: '2099-03-01' },
    ];
    await setRollout(milanOnly, 'e2e: employers in Milan, Turin from March 2099');
    try {
      const consultant = await consultantPage();
      const tessitura = consultant.getByRole('button', { name: TESSITURA });
      await tessitura.waitFor();
      expect(await tessitura.getAttribute('aria-disabled')).toBe('true');
      expect(await tessitura.getAttribute('aria-describedby')).toBe('icw-company-note-04987650159');
      // Focusable, so that the reason is read with it; choosing it does nothing.
      await tessitura.press('Enter');
      expect(
        // The widget is in a shadow root: the document only knows that its host has the focus.
        await consultant.evaluate(() => {
          let focused = document.activeElement;
          while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
          return focused?.textContent;
        }),
      ).toMatch(TESSITURA);
      expect(await tessitura.getAttribute('aria-pressed')).toBe('false');
      expect(await consultant.locator('.icw-claim').count()).toBe(0);
      await consultant
        .getByText(
          'Il servizio non è ancora disponibile per le aziende con sede in provincia di Torino: arriverà dal 1 marzo 2099.',
        )
        .waitFor();
      expect(await consultant.getByRole('button', { name: LOGISTICA }).getAttribute('aria-disabled')).toBe(
        'false',
      );
      await e2e.shot(consultant, 'widget-company-not-yet', consultant.locator('.icw-company-picker'));

      // The plan covers Turin again: the open widget follows, without a reload, and says so.
      await setRollout(HISTORICAL_ROLLOUT.slice(), 'e2e: back to the historical plan');
      await consultant
        .getByRole('button', { name: TESSITURA })
        .and(consultant.locator('[aria-disabled="false"]'))
        .waitFor({ timeout: 3_000 });
      expect(await consultant.locator('.icw-company-note').count()).toBe(0);
      expect(await consultant.getByTestId('ic-live').textContent()).toContain(
        'L’elenco delle aziende coperte dal servizio è cambiato.',
      );
      await consultant.close();
    } finally {
      await setRollout(HISTORICAL_ROLLOUT, 'e2e: back to the historical plan');
    }
  });

  it('an open widget follows a rollout change for a worker: out with the date, then back with the claims', async () => {
    const worker = await e2e.page();
    await worker.goto(`${e2e.server.url}/?persona=worker-rm`);
    await worker.getByText('Connesso', { exact: true }).waitFor();
    await worker.locator('.icw-claim').first().waitFor();
    const later: RolloutPhase[] = [
      ...HISTORICAL_ROLLOUT.filter((p) => p.audience === 'employers'),
      { audience: 'workers', place: { kind: 'province', code: 'RM' }, from: '2099-03-01' },
    ];
    await setRollout(later, 'e2e: Rome workers from March 2099');
    try {
      await worker
        .getByTestId('icw-not-yet')
        .getByText('Il servizio arriverà nella tua zona dal 1 marzo 2099.')
        .waitFor({ timeout: 3_000 });
      expect(await worker.locator('.icw-claim').count()).toBe(0);
      expect(await worker.getByTestId('ic-live').textContent()).toContain(
        'Info CIG non è più disponibile per te per ora: il servizio arriverà nella tua zona dal 1 marzo 2099.',
      );
    } finally {
      await setRollout(HISTORICAL_ROLLOUT.slice(), 'e2e: back to the historical plan');
    }
    await worker.locator('.icw-claim').first().waitFor({ timeout: 3_000 });
    expect(await worker.getByTestId('icw-not-yet').count()).toBe(0);
    expect(await worker.getByTestId('ic-live').textContent()).toContain('Info CIG è ora disponibile per te');
    await worker.close();
  });

  it('a delegation revoked meanwhile: asking is refused with a clear message, and the company leaves the list', async () => {
    const consultant = await consultantPage();
    // The chat of the first test is kept, closed, until the person archives it.
    await consultant.getByRole('button', { name: 'Chiudi e archivia' }).click();
    await consultant.getByRole('button', { name: LOGISTICA }).click();
    await consultant.getByText('Domande di Logistica Navigli S.r.l.', { exact: true }).waitFor();

    await e2e.server.app.db.query(
      'UPDATE delegations SET revoked_at = now() WHERE intermediary_cf = $1 AND company_cf = $2 AND revoked_at IS NULL',
      [CONSULTANT_CF, '11223340156'],
    );
    // Asking about it now: the server refuses, the widget reads the company again to tell why.
    await consultant.getByRole('button', { name: 'Parla con un consulente' }).click();
    const notice = consultant.getByTestId('icw-access-notice');
    await notice
      .getByText(
        'Non puoi più consultare i dati di Logistica Navigli S.r.l.: la delega non risulta più attiva.',
        { exact: false },
      )
      .waitFor();
    expect(await consultant.getByRole('button', { name: LOGISTICA }).count()).toBe(0);
    expect(await consultant.getByRole('button', { name: TESSITURA }).count()).toBe(1);
    expect(await consultant.locator('.icw-claim').count()).toBe(0);
    expect(await consultant.getByRole('button', { name: 'Parla con un consulente' }).isDisabled()).toBe(true);
    expect(await consultant.getByTestId('ic-live').textContent()).toContain(
      'la delega non risulta più attiva',
    );
    await e2e.shot(consultant, 'widget-delegation-revoked', consultant.locator('.icw-section').first());
  });
});
