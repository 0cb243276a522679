export { buildApp } from './app.ts';
export type { Identity, IdentityClaims } from './auth/identity.ts';
export { type Config, ConfigError, loadConfig } from './config/config.ts';
export { loadOrCreateDevKeys } from './dev/dev-keys.ts';
export { DEMO_PERSONAS, type PersonaId } from './dev/personas.ts';
export { createTokenMinter } from './dev/token-minter.ts';
export { FORCED_EXIT_MS, LISTEN_BACKLOG, type ServeOptions, type Serving, serve } from './serve/serve.ts';
export { exitOnStartFailure, StartError, startFailureLine } from './serve/start-failure.ts';
export { onStopSignal, type StopSignal } from './serve/stop-signal.ts';
