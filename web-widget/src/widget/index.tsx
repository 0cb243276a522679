import type { Language } from '@infocig/shared';
import { createRoot } from 'react-dom/client';
import '@infocig/shared/ui/ui.css';
import { Widget } from './components/Widget.tsx';
import { VisitorSession } from './session/visitor-session.ts';
import './styles/base.css';
import './styles/claims.css';
import './styles/chat.css';
import './styles/followups.css';
import './styles/answers.css';

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
}

export interface InfocigWidgetHandle {
  /** Disconnects and removes the widget. */
  unmount(): void;
}

/** Puts the Info CIG widget inside `element` (in a child of its own) and connects it. */
export function mountInfocigWidget(element: HTMLElement, options: InfocigWidgetOptions): InfocigWidgetHandle {
  const host = document.createElement('div');
  element.appendChild(host);
  const session = new VisitorSession({ serverUrl: options.serverUrl, getToken: options.getToken });
  const root = createRoot(host);
  root.render(<Widget session={session} lang={options.lang ?? 'it'} />);
  session.connect();
  return {
    unmount() {
      session.dispose();
      // Deferred: the host may call this while React is rendering (an effect's cleanup).
      queueMicrotask(() => {
        root.unmount();
        host.remove();
      });
    },
  };
}
