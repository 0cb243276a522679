/** Texts for the companies an employer or intermediary acts for, the pre-chat choices, and the access log. */
export const selfServiceIt = {
  claimsTitle: {
    worker: 'Le tue pratiche',
    employer: 'Le domande della tua azienda',
    intermediary: 'Le domande delle aziende che assisti',
  },
  companies: {
    legend: 'Per quale azienda?',
    intro:
      'Scegli una delle aziende che ti hanno delegato per vederne le domande e chiedere a un consulente.',
    show: 'Mostra le domande',
    shown: 'Domande mostrate qui sotto',
    seat: (province: string) => `sede in provincia di ${province}`,
    notYet: (province: string) =>
      `Il servizio non è ancora disponibile per le aziende con sede in provincia di ${province}.`,
    notYetFrom: (province: string, date: string) =>
      `Il servizio non è ancora disponibile per le aziende con sede in provincia di ${province}: arriverà dal ${date}.`,
    none: 'Non risultano deleghe attive a tuo nome.',
    chooseFirst: 'Scegli un’azienda per vedere le sue domande.',
    claimsOf: (name: string) => `Domande di ${name}`,
    noClaims: 'Non risultano domande di cassa integrazione per questa azienda.',
  },
  notices: {
    revoked: (name: string) =>
      `Non puoi più consultare i dati di ${name}: la delega non risulta più attiva. L’azienda è stata tolta dall’elenco.`,
    applicationGone:
      'La domanda che hai scelto non risulta più tra quelle che puoi consultare: l’elenco è stato aggiornato. Controlla la scelta e riprova.',
    dismiss: 'Chiudi l’avviso',
  },
  request: {
    about: 'La richiesta riguarda l’azienda',
    chooseCompanyFirst: 'Per parlare con un consulente, scegli prima l’azienda qui sopra.',
    applicationLabel: 'Su quale domanda? (facoltativo)',
    applicationAny: 'Nessuna in particolare',
  },
  privacy: {
    title: 'Chi ha consultato i miei dati',
    intro:
      'Ogni volta che il personale INPS legge i tuoi dati, per esempio durante una chat, l’accesso viene registrato in modo non modificabile. Qui vedi chi, quando e perché.',
    loading: 'Caricamento degli accessi…',
    none: 'Nessun accesso ai tuoi dati è stato registrato.',
    refresh: 'Aggiorna',
    caption: 'Accessi ai tuoi dati, dal più recente',
    at: 'Data e ora',
    who: 'Chi',
    role: 'Ruolo',
    what: 'Dati',
    purpose: 'Motivo',
    outcome: 'Esito',
    granted: 'Consentito',
    refused: 'Rifiutato',
    whatWords: {
      claims: 'pratiche e pagamenti',
      transcript: 'conversazione',
      'company claims': 'domande dell’azienda',
      'follow-up': 'messaggi lasciati',
    } as Record<string, string>,
    purposeWords: {
      'assigned chat': 'chat assegnata',
      'conversation not assigned to the advisor': 'chat non assegnata a chi ha chiesto',
      'follow-up list': 'messaggi da evadere',
      'follow-up answer': 'risposta a un tuo messaggio',
      'visitor request': 'richiesta dal servizio Info CIG',
    } as Record<string, string>,
  },
  announceMore: {
    companyClaims: (name: string, count: number) =>
      count === 1 ? `Domande di ${name}: 1 domanda.` : `Domande di ${name}: ${count} domande.`,
    accessLog: (count: number) =>
      count === 1 ? 'Un accesso registrato ai tuoi dati.' : `${count} accessi registrati ai tuoi dati.`,
    admitted:
      'Info CIG è ora disponibile per te: le tue pratiche e la chat con un consulente sono qui sotto.',
    notAdmitted: (date: string | null) =>
      date
        ? `Info CIG non è più disponibile per te per ora: il servizio arriverà nella tua zona dal ${date}.`
        : 'Info CIG non è più disponibile per te per ora: per la tua zona non c’è ancora una data.',
    companiesChanged: 'L’elenco delle aziende coperte dal servizio è cambiato.',
  },
};

export type SelfServiceTexts = typeof selfServiceIt;
