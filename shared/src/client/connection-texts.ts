import type { Language } from '../domain/index.ts';

export interface ConnectionTexts {
  connection: Record<'idle' | 'connecting' | 'connected' | 'reconnecting' | 'unavailable' | 'error', string>;
  retry: string;
}

/** What both apps say about their connection to the service, in each language. */
export const CONNECTION_TEXTS: Record<Language, ConnectionTexts> = {
  it: {
    connection: {
      idle: 'Non connesso',
      connecting: 'Connessione in corso…',
      connected: 'Connesso',
      reconnecting: 'Connessione persa: nuovo tentativo in corso…',
      unavailable: 'Servizio momentaneamente non disponibile: nuovo tentativo in corso…',
      error: 'Non connesso',
    },
    retry: 'Riprova',
  },
  en: {
    connection: {
      idle: 'Not connected',
      connecting: 'Connecting…',
      connected: 'Connected',
      reconnecting: 'Connection lost: trying again…',
      unavailable: 'Temporarily unavailable: trying again…',
      error: 'Not connected',
    },
    retry: 'Try again',
  },
};
