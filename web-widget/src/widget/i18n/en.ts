import type { SystemNotice } from '@infocig/shared';
import { CONNECTION_TEXTS } from '@infocig/shared/client';
import { selfServiceEn } from './en-self-service.ts';
import type { WidgetTexts } from './it.ts';

const minutes = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

export const en: WidgetTexts = {
  ...selfServiceEn,
  title: 'Info CIG',
  subtitle: 'Your wage-supplementation claim and payments',
  languageGroup: 'Language',
  ...CONNECTION_TEXTS.en,
  sessionEnding: (time) =>
    `We could not renew your sign-in: this session ends at ${time}. To carry on without a break, sign in to the portal again.`,
  signedInAs: 'Signed in as',
  claims: {
    title: 'Your claims',
    asOf: (when) => `Data as of ${when}`,
    refresh: 'Refresh',
    loading: 'Loading your claims…',
    unavailable:
      'Your claims cannot be shown right now: they will appear as soon as possible. You can still write to an advisor.',
    none: 'There are no wage-supplementation applications concerning you.',
    status: 'Application status',
    since: (date) => `since ${date}`,
    company: 'Company',
    matricola: 'INPS company number',
    period: 'Period',
    periodRange: (from, to) => `${from} to ${to}`,
    protocol: 'Protocol number',
    office: 'INPS office',
    workersCovered: 'Workers covered',
  },
  payments: {
    caption: (claim) => `Monthly payments for application ${claim}`,
    amount: 'Amount',
    none: 'No payments recorded for this application.',
  },
  chat: {
    title: 'Talk to an advisor',
    intro:
      'Not what you needed? An INPS advisor can explain where your claim stands and when it will be paid.',
    topicLabel: 'What is it about? (optional)',
    topicHint: (max) => `At most ${max} characters.`,
    request: 'Talk to an advisor',
    queued: (position) =>
      position === 1 ? 'You are next in line.' : `You are in line: position ${position}.`,
    waitRange: (low, high) =>
      low === 0
        ? `Estimated wait: up to about ${minutes(high)}. This is an estimate and may change.`
        : `Estimated wait: about ${low} to ${minutes(high)}. This is an estimate and may change.`,
    noEstimate: {
      no_advisor_online:
        'No advisor is available for this queue right now, so we cannot tell you how long you will wait.',
      no_service_rate: 'We do not have enough data yet to estimate how long you will wait.',
      overdue: 'The wait is taking longer than expected: we cannot tell you how much longer it will be.',
    },
    noEstimateOffer:
      'You can stay in the queue, or leave a message: an advisor will answer here, even later.',
    waiting: 'Please wait: an advisor will answer as soon as possible. You can already write your question.',
    requeued: {
      advisor_left: 'The advisor disconnected: your request goes back to the front of the queue.',
      transferred: 'Your request has been passed to another group of advisors.',
    },
    offer:
      'You have been waiting a while. If you prefer, leave a message: an advisor will answer here, even later.',
    offerButton: 'Leave a message instead of waiting',
    typing: 'The advisor is typing…',
    assigned: 'An advisor has taken your request',
    talkingTo: (name) => `You are talking to ${name}.`,
    closed: 'The chat has ended.',
    closedBy: {
      visitor: 'You closed the chat.',
      advisor: 'The advisor closed the chat.',
      system: 'The chat was closed.',
    },
    closeReason: {
      visitor_left: 'The chat was closed because the connection stayed down for too long.',
      inactive: 'The chat was closed because nobody wrote for a while.',
    },
    newRequest: 'New request',
    download: 'Download the conversation',
    dismiss: 'Close and archive',
    dismissHint: 'The chat stays here until you archive it: to keep it, download it first.',
    rating: {
      legend: 'How did this chat go?',
      star: (n: number) => (n === 1 ? '1 star out of 5' : `${n} stars out of 5`),
      comment: 'Comment (optional)',
      submit: 'Send your rating',
      thanks: 'Thank you for your rating.',
      given: (n: number) => `Your rating: ${n} out of 5.`,
    },
    close: 'Close the chat',
    messages: 'Messages',
    noMessages: 'Write your first message.',
    you: 'You',
    composerLabel: 'Your message',
    composerHint: 'Enter to send, Shift+Enter for a new line.',
    counter: (n, max) => `${n} of ${max} characters`,
    send: 'Send',
    pending: 'sending…',
    failed: 'not sent',
    resend: 'Send again',
    read: 'Read',
    system: 'Service notice',
    notice: (notice: SystemNotice): string => {
      switch (notice.kind) {
        case 'inactivity-warning':
          return `This chat will close in ${minutes(notice.minutesLeft)} unless someone writes.`;
        case 'handover':
          return notice.reason === 'advisor_left'
            ? 'Your advisor had to step away: your conversation is being handed to another advisor.'
            : 'Your conversation is being handed to another advisor.';
        case 'referral':
          return `Your advisor passed your question to ${notice.office}: the answer will arrive here, among your messages.`;
      }
    },
  },
  admission: {
    title: 'Info CIG is not yet available to you',
    from: (date) => `The service reaches your area on ${date}.`,
    noDate: 'The service is reaching the provinces one by one: there is no date for your area yet.',
    meanwhile: 'Meanwhile you can contact the INPS Contact Center or your INPS office.',
  },
  service: {
    closed: 'Advisors are not on duty right now.',
    hours: (hours) => `The chat with advisors is open ${hours} (Italian time).`,
    opensAt: (when) => `It opens again on ${when}.`,
    leaveMessage: 'You can leave a message: an advisor will answer here as soon as possible.',
  },
  followUps: {
    formTitle: 'Leave a message',
    topicLabel: 'Topic (optional)',
    textLabel: 'Message for the advisor',
    submit: 'Send the message',
    cancel: 'Cancel',
    listTitle: 'Your messages',
    refresh: 'Refresh',
    status: { open: 'Awaiting an answer', taken: 'Being handled by the office', answered: 'Answered' },
    referredTo: (office) => `Question passed by the advisor to ${office}`,
    sentOn: (when) => `Sent on ${when}`,
    answerBy: (name, when) => `Answer from ${name}, ${when}`,
    noTopic: 'No topic',
  },
  announce: {
    message: (author, text) => `New message from ${author}: ${text}`,
    assigned: (name) => `An advisor has taken your request: ${name}.`,
    notice: (text) => `Service notice: ${text}`,
    serviceClosed: 'Advisors are not on duty right now: you can leave a message.',
    followUpSent: 'Message sent: an advisor will answer here.',
    referralUpdated: (office) => `Your question to ${office} was updated.`,
    followUpAnswered: (topic) =>
      topic ? `Your message “${topic}” has been answered.` : 'Your message has been answered.',
    connectionLost: 'Connection lost, trying again.',
    connectionRestored: 'Connection restored.',
  },
  errorPrefix: 'Error',
  errors: {
    AUTH_TOKEN_MISSING: 'You are not signed in: sign in to the portal again.',
    AUTH_TOKEN_INVALID: 'Your identity could not be verified: sign in to the portal again.',
    AUTH_TOKEN_EXPIRED: 'Your session has expired: sign in to the portal again.',
    AUTH_ROLE_FORBIDDEN: 'Your profile may not use this service.',
    AUTH_IDENTITY_MISMATCH: 'The portal is now signed in as someone else: reload the page.',
    TOO_MANY_SESSIONS:
      'Info CIG is open in other tabs or devices, so this one was closed. You can continue here with “Try again”.',
    PROTOCOL_VERSION_UNSUPPORTED: 'This page is out of date: reload it.',
    VALIDATION_FAILED: 'The request is not valid.',
    MESSAGE_TOO_LONG: 'The message is too long.',
    ACCESS_FORBIDDEN: 'You may not see this data.',
    ORIGIN_FORBIDDEN: 'Info CIG is not available on this site.',
    RIGHT_MISSING: 'Your profile lacks the right this needs.',
    ROLLOUT_CHANGED: 'The rollout plan changed meanwhile.',
    CONVERSATION_NOT_FOUND: 'The conversation no longer exists.',
    CONVERSATION_FORBIDDEN: 'This conversation is not yours.',
    CONVERSATION_CLOSED: 'The conversation is closed.',
    CONVERSATION_OPEN: 'The conversation is still open.',
    ALREADY_RATED: 'You have already rated this conversation.',
    RATING_EXPIRED: 'This conversation closed too long ago to be rated.',
    SERVICE_CLOSED: 'Advisors are not on duty right now: you can leave a message.',
    FOLLOWUP_NOT_FOUND: 'The message was not found.',
    REFERRAL_NOT_FOUND: 'The referral was not found.',
    OFFICE_STAFF_ONLY: 'Only staff of INPS offices may do this.',
    TRANSFER_TARGET_UNAVAILABLE: 'The chosen advisor is not available.',
    ADVISOR_NOT_FOUND: 'Advisor not found.',
    NOT_YET_AVAILABLE: 'Info CIG is not yet available where you are.',
    NOT_FOUND: 'Not found.',
    RATE_LIMITED: 'Too many requests: try again shortly.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.',
    INTERNAL_ERROR: 'Something went wrong on our side.',
    ACK_TIMEOUT: 'The service did not answer in time.',
    NOT_CONNECTED: 'You are not connected to the service.',
    TOKEN_UNAVAILABLE: 'The portal did not provide your identity.',
    SERVER_DISCONNECTED: 'The service closed the connection.',
    CONNECTION_FAILED: 'The service cannot be reached.',
  },
};
