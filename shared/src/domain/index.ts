export * from './benefit-types.ts';
export * from './labels.ts';
export * from './roles.ts';
export * from './statuses.ts';
