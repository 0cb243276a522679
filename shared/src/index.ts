export * from './domain/index.ts';
export * from './guidance/index.ts';
export * from './protocol/index.ts';
export * from './rollout/index.ts';
export * from './validators/index.ts';
