import { build } from 'vite';
import { fromRoot } from './repo.ts';

export const FRONT_END_DIST = {
  widget: fromRoot('web-widget', 'dist'),
  console: fromRoot('advisor-console', 'dist'),
} as const;

/**
 * Builds the widget and the console (pre-compressed, see precompress-plugin.ts) for the server to
 * serve. Vite takes the mode from NODE_ENV, which it also sets: the build gets `production` and
 * the caller's environment gets its own value back afterwards.
 */
export async function buildFrontEnds(): Promise<typeof FRONT_END_DIST> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: fromRoot('web-widget'), mode: 'production', logLevel: 'warn' });
    await build({ root: fromRoot('advisor-console'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return FRONT_END_DIST;
}
