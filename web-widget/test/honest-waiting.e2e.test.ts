import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { type E2E, startE2E } from './support/e2e.ts';

let e2e: E2E;
let host: Server;
let hostOrigin: string;

/** A portal page with the widget's one tag, signing the worker in through the dev token route. */
const hostPage = (server: string) => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Portale di prova</title></head>
<body><main><h1>Portale di prova</h1></main>
<script>
  window.portalToken = () =>
    fetch('${server}/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'worker-rm' }) })
      .then((r) => r.json()).then((b) => b.token);
</script>
<script type="module" src="${server}/widget.js" data-token="portalToken" data-lang="it" data-open="true"></script>
</body></html>`;

// Nobody signs in to the console: no advisor serves the workers' queue.
beforeAll(async () => {
  let server = '';
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(server));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  e2e = await startE2E('honest-waiting', { ALLOWED_ORIGINS: hostOrigin });
  server = e2e.server.url;
});

afterAll(async () => {
  await e2e?.close();
  host?.close();
});

const NOBODY =
  'Al momento nessun consulente è disponibile per questa coda: non possiamo dirti quanto dovrai attendere.';

describe('honest waiting', () => {
  it('with no advisor online the widget shows no minutes and offers a message', async () => {
    const worker = await e2e.page();
    await worker.goto(hostOrigin);
    await worker.getByText('Connesso', { exact: true }).waitFor();
    const topic = 'CIGO di marzo non ancora pagata';
    await worker.getByLabel('Di cosa vuoi parlare? (facoltativo)').fill(topic);
    await worker.getByRole('button', { name: 'Parla con un consulente' }).click();

    const queue = worker.getByTestId('icw-queue');
    await queue.getByText('Sei il prossimo in coda.').waitFor();
    await queue.getByText(NOBODY).waitFor();
    // Let the position push arrive too (within a second): it must not bring a number either.
    await worker.waitForTimeout(1_500);
    const widget = worker.locator('.icw');
    expect(await widget.textContent()).not.toMatch(/\d+\s*(min|minut)/i);
    expect(await worker.getByTestId('ic-live').textContent()).toContain(NOBODY);

    const leave = worker.getByRole('button', { name: 'Lascia un messaggio' });
    await leave.waitFor();
    expect(await leave.isVisible()).toBe(true);
    expect(await seriousAxeViolations(worker)).toEqual([]);
    await e2e.shot(worker, 'widget-no-advisor', worker.locator('.icw-chat'));

    // The message starts from what the chat was about, and takes the place of the queued chat.
    await leave.click();
    expect(await worker.getByLabel('Argomento (facoltativo)').inputValue()).toBe(topic);
    expect(await seriousAxeViolations(worker)).toEqual([]);
    const text = 'Vorrei sapere quando arriva il pagamento di marzo.';
    await worker.getByLabel('Messaggio per il consulente').fill(text);
    await worker.getByRole('button', { name: 'Invia il messaggio' }).click();
    await worker
      .locator('.icw-followup')
      .filter({ hasText: text })
      .getByText('In attesa di risposta')
      .waitFor();
    expect(await worker.getByTestId('icw-queue').count()).toBe(0);
    expect(await widget.textContent()).not.toMatch(/\d+\s*(min|minut)/i);
  });
});
