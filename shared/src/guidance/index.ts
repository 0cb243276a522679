export * from './application-guidance.ts';
export * from './guidance.ts';
export * from './payment-guidance.ts';
