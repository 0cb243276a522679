export { type ClaimsStore, type CompanyRef, createClaimsStore } from './claims-store.ts';
export { type Db, type OpenDbOptions, openDb } from './db.ts';
export { loadMigrations, type Migration, migrate } from './migrate.ts';
export { openMigratedStore, type StoreOptions } from './open-store.ts';
export {
  type SeedOptions,
  type SeedReport,
  StoreNotEmptyError,
  seedDemoData,
  seedIfEmpty,
} from './seed/seed-demo-data.ts';
