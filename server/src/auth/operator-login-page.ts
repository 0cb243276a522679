const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The operator login: plain forms, no script (the CSP allows none inline). */
/** `demo`: development only, a button per demo supervisor. */
export function loginPage(next: string, demo: readonly { id: string; name: string }[]): string {
  const target = escapeHtml(next);
  const demoForms = demo.length
    ? `<h2>Development</h2>${demo
        .map(
          ({ id, name }) => `<form method="post" action="/dev/ops-session">
  <input type="hidden" name="persona" value="${escapeHtml(id)}"><input type="hidden" name="next" value="${target}">
  <button type="submit">Sign in as ${escapeHtml(name)} (${escapeHtml(id)})</button></form>`,
        )
        .join('\n')}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>infocig · operator sign-in</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:2rem auto">
<h1>Operator sign-in</h1>
<p>Supervisors only: the API description (/docs) and the job board (/ops/jobs).</p>
<form method="post" action="/ops/session">
  <label for="token">Portal identity token (supervisor)</label><br>
  <textarea id="token" name="token" rows="6" cols="60" required autocomplete="off"></textarea><br>
  <input type="hidden" name="next" value="${target}">
  <button type="submit">Sign in</button>
</form>
<form method="post" action="/ops/logout"><button type="submit">Sign out</button></form>
${demoForms}
</body></html>`;
}
