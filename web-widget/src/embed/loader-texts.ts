/** The few words the loader says before the widget is loaded, or instead of it. */
export const LOADER_TEXTS = {
  it: {
    open: 'Info CIG: stato della cassa integrazione e consulenti INPS',
    launcher: 'Info CIG',
    close: 'Chiudi Info CIG',
    dialog: 'Info CIG',
    unread: (n: number) => (n === 1 ? '1 messaggio non letto' : `${n} messaggi non letti`),
    loading: 'Caricamento di Info CIG…',
    refused:
      'Info CIG non è disponibile su questo sito: il suo indirizzo non è tra quelli autorizzati. Usa Info CIG dal portale INPS.',
    unavailable: 'Info CIG non è raggiungibile in questo momento. Riprova tra qualche minuto.',
    retry: 'Riprova',
    toChat: 'Vai alla chat',
  },
  en: {
    open: 'Info CIG: wage-supplementation status and INPS advisors',
    launcher: 'Info CIG',
    close: 'Close Info CIG',
    dialog: 'Info CIG',
    unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
    loading: 'Loading Info CIG…',
    refused:
      'Info CIG is not available on this site: its address is not among those allowed. Use Info CIG from the INPS portal.',
    unavailable: 'Info CIG cannot be reached right now. Try again in a few minutes.',
    retry: 'Try again',
    toChat: 'Go to the chat',
  },
};
