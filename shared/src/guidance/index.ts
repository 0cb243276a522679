export * from './application-guidance.ts';
export * from './guidance.ts';
export * from './italian-holidays.ts';
export * from './legal-deadlines.ts';
export * from './payment-anomaly.ts';
export * from './payment-data-channel.ts';
export * from './payment-guidance.ts';
