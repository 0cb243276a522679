import { errorText } from '@infocig/shared/client';
import { useEffect, useRef } from 'react';
import { useVisitorSession, useWidget } from '../session/useVisitorSession.ts';
import { ConversationView } from './ConversationView.tsx';
import { RequestForm } from './RequestForm.tsx';
import { ServiceClosed } from './ServiceClosed.tsx';

/** The way to a person: the request form (or, outside hours, a message), then the queue, then the conversation. */
export function ChatPanel() {
  const { t } = useWidget();
  const { state } = useVisitorSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const closedService = state.service?.open === false ? state.service : null;
  const phase = state.conversation?.status ?? (closedService ? 'service-closed' : 'none');
  const firstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the phase changes; it need not read it
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The button that had focus (ask, close, new request) is gone with the phase: stay in the panel.
    if (document.activeElement === document.body) heading.current?.focus();
  }, [phase]);

  return (
    <section className="icw-section icw-chat" aria-labelledby="icw-chat-title">
      <h3 id="icw-chat-title" ref={heading} tabIndex={-1}>
        {t.chat.title}
      </h3>
      {state.conversation ? (
        <ConversationView conversation={state.conversation} />
      ) : closedService ? (
        <ServiceClosed service={closedService} topic={state.refusedTopic} />
      ) : (
        <RequestForm />
      )}
      {state.commandError && (
        <p className="ic-error-text" role="alert">
          {t.errorPrefix}: {errorText(t, state.commandError)} <code>{state.commandError.code}</code>
        </p>
      )}
    </section>
  );
}
