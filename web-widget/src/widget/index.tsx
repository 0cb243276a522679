import type { Language } from '@infocig/shared';
import { createRoot } from 'react-dom/client';
import { Widget } from './components/Widget.tsx';
import { VisitorSession } from './session/visitor-session.ts';
import { WIDGET_CSS } from './widget-css.ts';

export interface InfocigWidgetOptions {
  /** Where the Info CIG server is, e.g. `https://infocig.example.it`. */
  serverUrl: string;
  /**
   * The portal's signed identity token. Called at every (re)connect, and shortly before the held
   * token expires to renew the session, so return a fresh one (lasting longer than the last): the
   * widget never asks who the person is, it trusts only what the portal signed. When it rejects
   * near the end, the widget tells the person the session is about to end.
   */
  getToken: () => Promise<string>;
  /** Starting language; the reader can switch. Default Italian. */
  lang?: Language;
  /** Told how many advisor messages arrived since `markRead` (for a launcher's badge). */
  onUnread?: (count: number) => void;
}

export interface InfocigWidgetHandle {
  /** The person has seen everything so far (the panel is open). */
  markRead(): void;
  /** Disconnects and removes the widget. */
  unmount(): void;
}

/**
 * Puts the Info CIG widget inside `element`, which must be in a shadow root (its styles go there,
 * where the host page's cannot reach them), and connects it.
 */
export function mountInfocigWidget(element: HTMLElement, options: InfocigWidgetOptions): InfocigWidgetHandle {
  const root = element.getRootNode();
  if (!(root instanceof ShadowRoot)) throw new Error('the Info CIG widget mounts inside a shadow root');
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  const host = document.createElement('div');
  element.append(style, host);
  const session = new VisitorSession({ serverUrl: options.serverUrl, getToken: options.getToken });
  const reactRoot = createRoot(host);
  reactRoot.render(<Widget session={session} lang={options.lang ?? 'it'} />);
  session.connect();

  const advisorMessages = () => session.getState().messages.filter((m) => m.author === 'advisor').length;
  let seen = 0;
  const unsubscribe = session.subscribe(() => options.onUnread?.(Math.max(0, advisorMessages() - seen)));
  return {
    markRead() {
      seen = advisorMessages();
      options.onUnread?.(0);
    },
    unmount() {
      unsubscribe();
      session.dispose();
      // Deferred: the host may call this while React is rendering (an effect's cleanup).
      queueMicrotask(() => {
        reactRoot.unmount();
        host.remove();
        style.remove();
      });
    },
  };
}
