import type { SelfServiceTexts } from './it-self-service.ts';

export const selfServiceEn: SelfServiceTexts = {
  claimsTitle: {
    worker: 'Your claims',
    employer: 'Your company’s applications',
    intermediary: 'Applications of the companies you assist',
  },
  companies: {
    legend: 'Which company?',
    intro: 'Choose one of the companies that delegated you to see its applications and ask an advisor.',
    show: 'Show applications',
    shown: 'Applications shown below',
    seat: (province) => `registered office in the province of ${province}`,
    notYet: (province) =>
      `The service is not yet available for companies with a registered office in the province of ${province}.`,
    notYetFrom: (province, date) =>
      `The service is not yet available for companies with a registered office in the province of ${province}: it arrives on ${date}.`,
    none: 'There are no active delegations in your name.',
    chooseFirst: 'Choose a company to see its applications.',
    claimsOf: (name) => `Applications of ${name}`,
    noClaims: 'There are no wage-supplementation applications for this company.',
  },
  notices: {
    revoked: (name) =>
      `You can no longer see the data of ${name}: the delegation is no longer active. The company has been removed from the list.`,
    applicationGone:
      'The application you chose is no longer among those you may see: the list has been refreshed. Check your choice and try again.',
    dismiss: 'Dismiss',
  },
  request: {
    about: 'The request is about the company',
    chooseCompanyFirst: 'To talk to an advisor, first choose the company above.',
    applicationLabel: 'Which application is it about? (optional)',
    applicationAny: 'None in particular',
  },
  privacy: {
    title: 'Who has seen my data',
    intro:
      'Every time INPS staff read your data, for example during a chat, the access is recorded and cannot be altered. Here you see who, when and why.',
    loading: 'Loading the accesses…',
    none: 'No access to your data has been recorded.',
    refresh: 'Refresh',
    caption: 'Accesses to your data, newest first',
    at: 'Date and time',
    who: 'Who',
    role: 'Role',
    what: 'Data',
    purpose: 'Purpose',
    outcome: 'Outcome',
    granted: 'Allowed',
    refused: 'Refused',
    whatWords: {
      claims: 'claims and payments',
      transcript: 'conversation',
      'company claims': 'company applications',
      'follow-up': 'messages left',
    },
    purposeWords: {
      'assigned chat': 'assigned chat',
      'conversation not assigned to the advisor': 'chat not assigned to the person asking',
      'follow-up list': 'messages to answer',
      'follow-up answer': 'answer to your message',
      'visitor request': 'request from the Info CIG service',
    },
  },
  announceMore: {
    companyClaims: (name, count) =>
      count === 1
        ? `Applications of ${name}: 1 application.`
        : `Applications of ${name}: ${count} applications.`,
    accessLog: (count) =>
      count === 1 ? 'One recorded access to your data.' : `${count} recorded accesses to your data.`,
    admitted: 'Info CIG is now available to you: your claims and the chat with an advisor are below.',
    notAdmitted: (date) =>
      date
        ? `Info CIG is no longer available to you for now: the service reaches your area on ${date}.`
        : 'Info CIG is no longer available to you for now: there is no date for your area yet.',
    companiesChanged: 'The list of companies the service covers has changed.',
  },
};
