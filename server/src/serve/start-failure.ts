import { ConfigError } from '../config/config.ts';
import { StartError } from '../errors/start-error.ts';

/** What a failed `listen` means for the person starting the server. */
export function listenFailure(error: unknown, host: string, port: number): Error {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new StartError(
        `Port ${port} on ${host} is already in use: stop whatever holds it, or choose another port (PORT=3100).`,
      );
    case 'EACCES':
      return new StartError(`Not allowed to listen on port ${port}: choose a PORT above 1023.`);
    case 'EADDRNOTAVAIL':
      return new StartError(
        `HOST ${host} is not an address of this machine: set HOST to 127.0.0.1 or 0.0.0.0.`,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** The single line a failed start prints. */
export function startFailureLine(error: unknown): string {
  if (error instanceof StartError) return oneLine(error.message);
  if (error instanceof ConfigError) return `${oneLine(error.message)} (settings: README, Configuration)`;
  return `infocig did not start: ${oneLine(error instanceof Error ? error.message : String(error))}`;
}

/** Prints that line (and, for the unexpected, the stack when LOG_LEVEL is debug or trace); exits 1. */
export function exitOnStartFailure(error: unknown): never {
  console.error(startFailureLine(error));
  const expected = error instanceof StartError || error instanceof ConfigError;
  if (!expected && ['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '')) console.error(error);
  process.exit(1);
}
