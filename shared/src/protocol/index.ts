export * from './advisor.ts';
export * from './chat-commands.ts';
export * from './common.ts';
export * from './contract.ts';
export * from './errors.ts';
export * from './follow-ups.ts';
export * from './version.ts';
export * from './visitor.ts';
