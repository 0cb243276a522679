/** Framework-free client code shared by the widget and the console; never imported by the server. */
export * from './ack.ts';
export * from './announcements.ts';
export * from './claim-answers.ts';
export * from './connection.ts';
export * from './dev-api.ts';
export * from './i18n.ts';
export * from './messages.ts';
export * from './missed-watch.ts';
export * from './page-address.ts';
export * from './pushes.ts';
export * from './read-receipts.ts';
export * from './service-hours.ts';
export * from './session-renewal.ts';
export * from './session-state.ts';
export * from './socket-session.ts';
export * from './store.ts';
export * from './typing.ts';
