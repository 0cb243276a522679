import { build } from 'vite';
import { fromRoot } from './repo.ts';

/** Builds the widget and the console for the server to serve; returns their output folders. */
export async function buildFrontEnds(): Promise<{ widget: string; console: string }> {
  const widget = fromRoot('web-widget');
  const console = fromRoot('advisor-console');
  await build({ root: widget, logLevel: 'warn' });
  await build({ root: console, logLevel: 'warn' });
  return { widget: `${widget}/dist`, console: `${console}/dist` };
}
