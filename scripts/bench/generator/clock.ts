import { performance } from 'node:perf_hooks';

/**
 * Wall-clock milliseconds with sub-millisecond resolution. Every process on the machine reads the
 * same kernel clock, so a timestamp written by one generator is read by another within microseconds.
 */
export const now = (): number => performance.timeOrigin + performance.now();

/** Every message carries its sending time, padded to the same size in every run and on the relay. */
export const MESSAGE_CHARS = 120;
const FILLER =
  ' Buongiorno, vorrei sapere quando arriva il pagamento della cassa integrazione di marzo.'.repeat(3);

export function messageText(sentAt: number): string {
  const stamp = sentAt.toFixed(3);
  return `${stamp}${FILLER}`.slice(0, MESSAGE_CHARS).trimEnd();
}

/** The sending time a message carries, or NaN for a text the bench did not write. */
export const sentAtOf = (text: string): number => Number.parseFloat(text);
