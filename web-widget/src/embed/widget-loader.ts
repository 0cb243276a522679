import { LOADER_CSS } from './loader-css.ts';
import { LOADER_TEXTS } from './loader-texts.ts';

/**
 * The one tag a host page adds:
 *
 *   <script type="module" src="https://<infocig>/widget.js" data-token="getInfocigToken"
 *           data-lang="it"></script>
 *
 * `data-token` names a function of the page that returns (a promise of) the portal's signed token
 * for the person; `data-lang` is `it` or `en`; `data-open="true"` opens the panel at once. Or, from
 * script: `InfoCIG.mount({ getToken, lang, open })`, `InfoCIG.open()`, `InfoCIG.close()`,
 * `InfoCIG.unmount()`. This file stays small: the widget itself loads when the panel first opens.
 */

type Lang = keyof typeof LOADER_TEXTS;

export interface EmbedOptions {
  getToken: () => string | Promise<string>;
  lang?: Lang;
  open?: boolean;
}

interface WidgetHandle {
  markRead(): void;
  unmount(): void;
}

const SERVER = new URL(import.meta.url).origin;

function fromTag(): EmbedOptions | null {
  const tag = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(
    (s) => s.src === import.meta.url,
  );
  if (!tag?.dataset.token) return null;
  const name = tag.dataset.token;
  const provider = (window as unknown as Record<string, unknown>)[name];
  if (typeof provider !== 'function') {
    console.error(`Info CIG: data-token="${name}" does not name a function of this page`);
    return null;
  }
  return {
    getToken: () => (provider as () => string | Promise<string>)(),
    lang: tag.dataset.lang === 'en' ? 'en' : 'it',
    open: tag.dataset.open === 'true',
  };
}

/** Why the widget could not load: the server says ORIGIN_FORBIDDEN to pages it does not serve. */
async function refusalCode(): Promise<string | null> {
  try {
    const response = await fetch(`${SERVER}/healthz`, { cache: 'no-store' });
    if (response.ok) return null;
    const body = (await response.json()) as { error?: { code?: string } };
    return body.error?.code ?? null;
  } catch {
    return null;
  }
}

function mount(options: EmbedOptions) {
  const t = LOADER_TEXTS[options.lang ?? 'it'];
  const host = document.createElement('div');
  host.setAttribute('data-infocig', '');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<style>${LOADER_CSS}</style>
<button class="launcher" type="button" aria-expanded="false" aria-controls="panel">
  <span class="text"></span><span class="badge" hidden></span>
</button>
<div class="panel" id="panel" role="dialog" hidden>
  <div class="bar"><button class="close" type="button"></button></div>
  <div class="body"></div>
  <button class="to-chat" type="button"></button>
</div>`;
  const $ = <E extends Element>(selector: string) => shadow.querySelector(selector) as E;
  const launcher = $<HTMLButtonElement>('.launcher');
  const badge = $<HTMLSpanElement>('.badge');
  const panel = $<HTMLDivElement>('.panel');
  const body = $<HTMLDivElement>('.body');
  const close = $<HTMLButtonElement>('.close');
  const toChat = $<HTMLButtonElement>('.to-chat');
  launcher.querySelector('.text')!.textContent = t.launcher;
  launcher.setAttribute('aria-label', t.open);
  panel.setAttribute('aria-label', t.dialog);
  close.textContent = t.close;
  toChat.textContent = t.toChat;
  document.body.append(host);

  let widget: WidgetHandle | null = null;
  let loading: Promise<void> | null = null;
  let unread = 0;

  const showUnread = (count: number) => {
    unread = panel.hidden ? count : 0;
    badge.hidden = unread === 0;
    badge.textContent = String(unread);
    launcher.setAttribute('aria-label', unread ? `${t.open} — ${t.unread(unread)}` : t.open);
  };

  function say(text: string, retry: boolean) {
    const message = document.createElement('p');
    message.className = 'message';
    message.setAttribute('role', 'alert');
    message.textContent = text;
    body.replaceChildren(message);
    if (retry) {
      const again = document.createElement('button');
      again.type = 'button';
      again.className = 'retry';
      again.textContent = t.retry;
      again.addEventListener('click', () => {
        loading = null;
        void load();
      });
      message.append(' ', again);
    }
  }

  function load(): Promise<void> {
    loading ??= (async () => {
      const status = document.createElement('p');
      status.className = 'message';
      status.setAttribute('role', 'status');
      status.textContent = t.loading;
      body.replaceChildren(status);
      try {
        const { mountInfocigWidget } = await import('../widget/index.tsx');
        const slot = document.createElement('div');
        body.replaceChildren(slot);
        widget = mountInfocigWidget(slot, {
          serverUrl: SERVER,
          getToken: async () => options.getToken(),
          lang: options.lang,
          // Read as it arrives while the panel is open; counted for the badge while it is closed.
          onUnread: (count) => {
            if (panel.hidden) showUnread(count);
            else if (count > 0) widget?.markRead();
          },
        });
      } catch {
        const code = await refusalCode();
        say(code === 'ORIGIN_FORBIDDEN' ? t.refused : t.unavailable, code !== 'ORIGIN_FORBIDDEN');
      }
    })();
    return loading;
  }

  function open() {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    close.focus();
    void load().then(() => {
      widget?.markRead();
      showUnread(0);
    });
  }

  function shut() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') shut();
  });
  toChat.addEventListener('click', () => {
    const heading = body.querySelector<HTMLElement>('#icw-chat-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  });
  if (options.open) open();

  return {
    open,
    close: shut,
    unmount() {
      widget?.unmount();
      host.remove();
    },
  };
}

type Embedded = ReturnType<typeof mount>;
let current: Embedded | null = null;

const api = {
  mount(options: EmbedOptions) {
    current?.unmount();
    current = mount(options);
  },
  open: () => current?.open(),
  close: () => current?.close(),
  unmount() {
    current?.unmount();
    current = null;
  },
};

(window as unknown as { InfoCIG: typeof api }).InfoCIG = api;
const tagged = fromTag();
if (tagged) api.mount(tagged);
