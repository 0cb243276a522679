export * from './benefit-types.ts';
export * from './labels.ts';
export * from './provinces.ts';
export * from './roles.ts';
export * from './statuses.ts';
