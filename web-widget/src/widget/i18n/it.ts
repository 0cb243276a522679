import type { ErrorCode, SystemNotice } from '@infocig/shared';
import { type ClientErrorCode, CONNECTION_TEXTS } from '@infocig/shared/client';
import { selfServiceIt } from './it-self-service.ts';

const minutes = (n: number) => (n === 1 ? '1 minuto' : `${n} minuti`);

/** The widget's own texts (domain labels come from `@infocig/shared`). Italian is the reference. */
export const it = {
  ...selfServiceIt,
  title: 'Info CIG',
  subtitle: 'Stato della tua pratica di cassa integrazione e dei pagamenti',
  languageGroup: 'Lingua',
  ...CONNECTION_TEXTS.it,
  sessionEnding: (time: string) =>
    `Non siamo riusciti a rinnovare il tuo accesso: questa sessione termina alle ${time}. Per continuare senza interruzioni, accedi di nuovo al portale.`,
  signedInAs: 'Accesso come',
  claims: {
    title: 'Le tue pratiche',
    asOf: (when: string) => `Dati aggiornati al ${when}`,
    refresh: 'Aggiorna',
    loading: 'Caricamento delle pratiche…',
    unavailable:
      'Le tue pratiche non sono consultabili in questo momento: le mostreremo appena possibile. Puoi comunque scrivere a un operatore.',
    none: 'Non risultano domande di cassa integrazione che ti riguardano.',
    status: 'Stato della domanda',
    since: (date: string) => `dal ${date}`,
    company: 'Azienda',
    matricola: 'Matricola INPS',
    period: 'Periodo',
    periodRange: (from: string, to: string) => `dal ${from} al ${to}`,
    protocol: 'Protocollo',
    office: 'Sede INPS',
    workersCovered: 'Lavoratori interessati',
  },
  payments: {
    caption: (claim: string) => `Pagamenti mensili per la domanda ${claim}`,
    amount: 'Importo',
    none: 'Nessun pagamento registrato per questa domanda.',
  },
  chat: {
    title: 'Parla con un consulente',
    intro:
      'Non hai trovato la risposta? Un consulente esperto INPS può spiegarti lo stato della pratica e i tempi di pagamento.',
    topicLabel: 'Di cosa vuoi parlare? (facoltativo)',
    topicHint: (max: number) => `Al massimo ${max} caratteri.`,
    request: 'Parla con un consulente',
    queued: (position: number) =>
      position === 1 ? 'Sei il prossimo in coda.' : `Sei in coda: posizione ${position}.`,
    /** Never one figure: the range the queue's pace supports, and that it is an estimate. */
    waitRange: (low: number, high: number) =>
      low === 0
        ? `Attesa stimata: fino a ${minutes(high)} circa. È una stima e può cambiare.`
        : `Attesa stimata: tra ${low} e ${minutes(high)} circa. È una stima e può cambiare.`,
    /** Why there is no estimate, in plain words, with no minutes. */
    noEstimate: {
      no_advisor_online:
        'Al momento nessun consulente è disponibile per questa coda: non possiamo dirti quanto dovrai attendere.',
      no_service_rate: 'Non abbiamo ancora dati sufficienti per stimare quanto dovrai attendere.',
      overdue: 'L’attesa sta durando più del previsto: non possiamo dirti quanto manca.',
    },
    noEstimateOffer:
      'Puoi restare in coda, oppure lasciare un messaggio: un consulente ti risponderà qui, anche più tardi.',
    waiting:
      'Attendi: un consulente ti risponderà appena possibile. Intanto puoi già scrivere la tua domanda.',
    requeued: {
      advisor_left: 'Il consulente si è disconnesso: la tua richiesta torna in testa alla coda.',
      transferred: 'La tua richiesta è stata passata a un altro gruppo di consulenti.',
    },
    offer:
      'Stai aspettando da un po’. Se preferisci, lascia un messaggio: un consulente ti risponderà qui, anche più tardi.',
    offerButton: 'Lascia un messaggio invece di attendere',
    typing: 'Il consulente sta scrivendo…',
    assigned: 'Un consulente ha preso in carico la tua richiesta',
    talkingTo: (name: string) => `Stai parlando con ${name}.`,
    closed: 'La chat è terminata.',
    closedBy: {
      visitor: 'Hai chiuso la chat.',
      advisor: 'Il consulente ha chiuso la chat.',
      system: 'La chat è stata chiusa.',
    },
    closeReason: {
      visitor_left: 'La chat è stata chiusa perché la connessione è rimasta interrotta troppo a lungo.',
      inactive: 'La chat è stata chiusa perché nessuno ha scritto per un po’ di tempo.',
    },
    newRequest: 'Nuova richiesta',
    download: 'Scarica la conversazione',
    dismiss: 'Chiudi e archivia',
    dismissHint: 'La chat resta qui finché non la archivi: se vuoi conservarla, scaricala prima.',
    rating: {
      legend: 'Com’è andata questa chat?',
      star: (n: number) => (n === 1 ? '1 stella su 5' : `${n} stelle su 5`),
      comment: 'Commento (facoltativo)',
      submit: 'Invia la valutazione',
      thanks: 'Grazie per la tua valutazione.',
      given: (n: number) => `La tua valutazione: ${n} su 5.`,
    },
    close: 'Chiudi la chat',
    messages: 'Messaggi',
    noMessages: 'Scrivi il tuo primo messaggio.',
    you: 'Tu',
    composerLabel: 'Il tuo messaggio',
    composerHint: 'Invio per inviare, Maiusc+Invio per andare a capo.',
    counter: (n: number, max: number) => `${n} di ${max} caratteri`,
    send: 'Invia',
    pending: 'invio in corso…',
    failed: 'non inviato',
    resend: 'Invia di nuovo',
    read: 'Letto',
    system: 'Avviso del servizio',
    notice: (notice: SystemNotice): string => {
      switch (notice.kind) {
        case 'inactivity-warning':
          return `Questa chat verrà chiusa tra ${minutes(notice.minutesLeft)} se nessuno scrive.`;
        case 'handover':
          return notice.reason === 'advisor_left'
            ? 'Il consulente si è dovuto allontanare: la conversazione passa a un altro consulente.'
            : 'La conversazione passa a un altro consulente.';
        case 'referral':
          return `Il consulente ha inoltrato la tua domanda a ${notice.office}: la risposta arriverà qui, tra i tuoi messaggi.`;
      }
    },
  },
  admission: {
    title: 'Info CIG non è ancora disponibile per te',
    from: (date: string) => `Il servizio arriverà nella tua zona dal ${date}.`,
    noDate: 'Il servizio arriva gradualmente nelle varie province: per la tua zona non c’è ancora una data.',
    meanwhile: 'Nel frattempo puoi rivolgerti al Contact Center INPS o alla tua sede.',
  },
  service: {
    closed: 'In questo momento i consulenti non sono in servizio.',
    hours: (hours: string) => `La chat con i consulenti è attiva ${hours} (ora italiana).`,
    opensAt: (when: string) => `Riapre ${when}.`,
    leaveMessage: 'Puoi lasciare un messaggio: un consulente ti risponderà qui appena possibile.',
  },
  followUps: {
    formTitle: 'Lascia un messaggio',
    topicLabel: 'Argomento (facoltativo)',
    textLabel: 'Messaggio per il consulente',
    submit: 'Invia il messaggio',
    cancel: 'Annulla',
    listTitle: 'I tuoi messaggi',
    refresh: 'Aggiorna',
    status: {
      open: 'In attesa di risposta',
      taken: 'In lavorazione presso la sede',
      answered: 'Risposta ricevuta',
    },
    referredTo: (office: string) => `Domanda inoltrata dal consulente a ${office}`,
    sentOn: (when: string) => `Inviato il ${when}`,
    answerBy: (name: string, when: string) => `Risposta di ${name}, ${when}`,
    noTopic: 'Senza argomento',
  },
  announce: {
    message: (author: string, text: string) => `Nuovo messaggio da ${author}: ${text}`,
    assigned: (name: string) => `Un consulente ha preso in carico la tua richiesta: ${name}.`,
    notice: (text: string) => `Avviso del servizio: ${text}`,
    serviceClosed: 'I consulenti non sono in servizio in questo momento: puoi lasciare un messaggio.',
    followUpSent: 'Messaggio inviato: un consulente ti risponderà qui.',
    referralUpdated: (office: string) => `La tua domanda a ${office} è stata aggiornata.`,
    followUpAnswered: (topic: string) =>
      topic
        ? `È arrivata la risposta al tuo messaggio “${topic}”.`
        : 'È arrivata la risposta al tuo messaggio.',
    connectionLost: 'Connessione persa, nuovo tentativo in corso.',
    connectionRestored: 'Connessione ripristinata.',
  },
  errorPrefix: 'Errore',
  errors: {
    AUTH_TOKEN_MISSING: 'Non risulti autenticato: accedi di nuovo al portale.',
    AUTH_TOKEN_INVALID: 'Non è stato possibile verificare la tua identità: accedi di nuovo al portale.',
    AUTH_TOKEN_EXPIRED: 'La sessione è scaduta: accedi di nuovo al portale.',
    AUTH_ROLE_FORBIDDEN: 'Il tuo profilo non può usare questo servizio.',
    AUTH_IDENTITY_MISMATCH: 'Il portale ora è collegato a un’altra persona: ricarica la pagina.',
    TOO_MANY_SESSIONS:
      'Info CIG è aperto in altre schede o dispositivi, quindi questa è stata chiusa. Puoi continuare qui con «Riprova».',
    PROTOCOL_VERSION_UNSUPPORTED: 'Questa pagina non è aggiornata: ricaricala.',
    VALIDATION_FAILED: 'La richiesta non è valida.',
    MESSAGE_TOO_LONG: 'Il messaggio è troppo lungo.',
    ACCESS_FORBIDDEN: 'Non puoi consultare questi dati.',
    ORIGIN_FORBIDDEN: 'Info CIG non è disponibile su questo sito.',
    RIGHT_MISSING: 'Il tuo profilo non ha il permesso per questa operazione.',
    ROLLOUT_CHANGED: 'Il piano di apertura è cambiato nel frattempo.',
    CONVERSATION_NOT_FOUND: 'La conversazione non esiste più.',
    CONVERSATION_FORBIDDEN: 'Questa conversazione non è tua.',
    CONVERSATION_CLOSED: 'La conversazione è chiusa.',
    CONVERSATION_OPEN: 'La conversazione è ancora aperta.',
    ALREADY_RATED: 'Hai già valutato questa conversazione.',
    RATING_EXPIRED: 'La conversazione è chiusa da troppo tempo per essere valutata.',
    SERVICE_CLOSED: 'In questo momento i consulenti non sono in servizio: puoi lasciare un messaggio.',
    FOLLOWUP_NOT_FOUND: 'Il messaggio non è stato trovato.',
    REFERRAL_NOT_FOUND: 'La segnalazione non è stata trovata.',
    OFFICE_STAFF_ONLY: 'Questa operazione è riservata al personale delle sedi INPS.',
    TRANSFER_TARGET_UNAVAILABLE: 'Il consulente scelto non è disponibile.',
    ADVISOR_NOT_FOUND: 'Consulente non trovato.',
    NOT_YET_AVAILABLE: 'Il servizio Info CIG non è ancora disponibile nella tua zona.',
    NOT_FOUND: 'Non trovato.',
    RATE_LIMITED: 'Troppe richieste: riprova tra poco.',
    SERVICE_UNAVAILABLE: 'Il servizio è momentaneamente non disponibile.',
    INTERNAL_ERROR: 'Si è verificato un errore da parte nostra.',
    ACK_TIMEOUT: 'Il servizio non ha risposto in tempo.',
    NOT_CONNECTED: 'Non sei connesso al servizio.',
    TOKEN_UNAVAILABLE: 'Il portale non ha fornito la tua identità.',
    SERVER_DISCONNECTED: 'Il servizio ha chiuso la connessione.',
    CONNECTION_FAILED: 'Impossibile raggiungere il servizio.',
  } satisfies Record<ErrorCode | ClientErrorCode, string>,
};

export type WidgetTexts = typeof it;
