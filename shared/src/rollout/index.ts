export * from './historical-plan.ts';
export * from './plan.ts';
export * from './plan-edits.ts';
