import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AdvisorClient, connectAdvisor } from '@infocig/server/testing';
import { NAMESPACES } from '@infocig/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe.ts';
import { type E2E, startE2E } from './support/e2e.ts';

/** A host page of another site: its own origin, the one tag, and a token from the portal (here the dev route). */
function hostPage(server: string, hostileCss: boolean): string {
  const hostile = hostileCss
    ? '<style>* { font-size: 40px !important; color: red !important; font-family: serif !important; letter-spacing: 4px !important; line-height: 3 !important; } html { font-size: 40px !important; }</style>'
    : '';
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>Portale di prova</title>${hostile}</head>
<body><main><h1>Portale di prova</h1><p>Una pagina di un altro sito con il widget Info CIG.</p></main>
<script>
  window.portalToken = () =>
    fetch('${server}/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'worker-rm' }) })
      .then((r) => r.json()).then((b) => b.token);
</script>
<script type="module" src="${server}/widget.js" data-token="portalToken" data-lang="it"></script>
</body></html>`;
}

async function hostServer(): Promise<{ server: Server; origin: string; serve(url: string): void }> {
  let target = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(target, req.url === '/hostile'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, serve: (url) => (target = url) };
}

let e2e: E2E;
let listed: Awaited<ReturnType<typeof hostServer>>;
let stranger: Awaited<ReturnType<typeof hostServer>>;
let advisor: AdvisorClient | undefined;

beforeAll(async () => {
  listed = await hostServer();
  stranger = await hostServer();
  e2e = await startE2E('embed', { ALLOWED_ORIGINS: listed.origin });
  listed.serve(e2e.server.url);
  stranger.serve(e2e.server.url);
});

afterAll(async () => {
  advisor?.close();
  await e2e?.close();
  listed?.server.close();
  stranger?.server.close();
});

const launcher = (page: Page) =>
  page.getByRole('button', { name: /^Info CIG: stato della cassa integrazione/ });

describe('the widget embedded by another site with the one tag', () => {
  it('loads only the small loader until opened, then lets a worker chat with an advisor', async () => {
    const { server } = e2e;
    const page = await e2e.page();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(listed.origin);
    await launcher(page).waitFor();
    expect(requested.filter((u) => u.startsWith(server.url) && u.includes('/assets/'))).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    advisor = await connectAdvisor(server.url, await server.token('advisor'));
    await advisor.next('session:ready');
    await launcher(page).click();
    const dialog = page.getByRole('dialog', { name: 'Info CIG' });
    await dialog.getByText('Connesso', { exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-infocig')))
      .toBe('');
    await dialog.locator('.icw-claim').first().waitFor();
    await dialog.getByRole('button', { name: 'Parla con un consulente' }).click();
    const assigned = await advisor.next('chat:assigned');
    await dialog.getByText('Stai parlando con Paolo Romano.').waitFor();
    const answer = 'Buongiorno, la sua domanda è in istruttoria.';
    await advisor.ok('chat:send', {
      conversationId: assigned.id,
      clientMessageId: crypto.randomUUID(),
      text: answer,
    });
    await dialog.locator('.ic-messages .ic-other').getByText(answer).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await e2e.shot(page, 'embedded-chat');

    // Closed, the panel gives the focus back to the launcher, which counts what arrives meanwhile.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await advisor.ok('chat:send', {
      conversationId: assigned.id,
      clientMessageId: crypto.randomUUID(),
      text: 'Ci sono altre domande?',
    });
    await launcher(page).filter({ hasText: '1' }).waitFor();
    expect(await launcher(page).getAttribute('aria-label')).toMatch(/1 messaggio non letto/);
    await launcher(page).click();
    await dialog.locator('.ic-messages').getByText('Ci sono altre domande?').waitFor();
  });

  it('on a site not in the list: no socket session, and a clear message in the widget', async () => {
    const { server } = e2e;
    const before = server.app.io.of(NAMESPACES.visitor).sockets.size;
    const reported = e2e.browser.errors.length;
    const page = await e2e.page();
    await page.goto(stranger.origin);
    await launcher(page).click();
    const dialog = page.getByRole('dialog', { name: 'Info CIG' });
    await dialog
      .getByRole('alert')
      .getByText(/non è disponibile su questo sito/)
      .waitFor();
    expect(server.app.io.of(NAMESPACES.visitor).sockets.size).toBe(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await e2e.shot(page, 'refused');
    // The refusals this page met were expected (403s and the failed loads they cause), and only those.
    const refusals = e2e.browser.errors.splice(reported);
    expect(refusals.length).toBeGreaterThan(0);
    for (const line of refusals) expect(line).toMatch(/403|Failed to load|failed to fetch|CORS|widget-/i);
  });

  it('keeps its look whatever the host page’s CSS says', async () => {
    const look = async (path: string) => {
      const page = await e2e.page();
      await page.goto(`${listed.origin}${path}`);
      await launcher(page).click();
      const dialog = page.getByRole('dialog', { name: 'Info CIG' });
      await dialog.locator('.icw-claim').first().waitFor();
      const styles = async (selector: string) =>
        dialog
          .locator(selector)
          .first()
          .evaluate((el) => {
            const s = getComputedStyle(el);
            return [
              s.fontSize,
              s.color,
              s.fontFamily,
              s.letterSpacing,
              s.lineHeight,
              s.padding,
              s.width,
            ].join(' | ');
          });
      const result = {
        title: await styles('#icw-title'),
        claim: await styles('.icw-claim'),
        button: await styles('button'),
        launcherPanel: await dialog.evaluate((el) => getComputedStyle(el).width),
      };
      await page.close();
      return result;
    };
    const plain = await look('/');
    expect(await look('/hostile')).toEqual(plain);
  });

  it('on a phone, opens full screen with the chat one tap away', async () => {
    const page = await e2e.page();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(listed.origin);
    await launcher(page).click();
    const dialog = page.getByRole('dialog', { name: 'Info CIG' });
    await dialog.locator('.icw-claim').first().waitFor();
    expect(await dialog.boundingBox()).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
    await dialog.getByRole('button', { name: 'Vai alla chat' }).click();
    const heading = dialog.locator('#icw-chat-title');
    await expect
      .poll(() => heading.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    const box = await heading.boundingBox();
    // In view: scrolled to the top, give or take the sub-pixel a scroll position may land on.
    expect(box && Math.round(box.y) >= 0 && box.y < 740).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await e2e.shot(page, 'phone-chat');
  });
});
