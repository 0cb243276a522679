const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** Calls `handler` on Ctrl-C (SIGINT) or SIGTERM; returns a function that removes it again. */
export function onStopSignal(handler: (signal: StopSignal) => void | Promise<void>): () => void {
  const listeners = SIGNALS.map((signal) => {
    const listener = () => void handler(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
