export * from './fault-fixtures.ts';
export * from './restartable-redis.ts';
export * from './test-client.ts';
export * from './test-redis.ts';
export * from './test-server.ts';
export * from './until.ts';
