import type { SessionExpiry } from '../protocol/index.ts';
import type { Outcome } from './ack.ts';

/** Renew this long before the session ends (at most: a short session renews at two thirds). */
export const RENEW_AHEAD_MS = 60_000;
/** After a failed renewal, try again this often while the session lasts. */
export const RENEW_RETRY_MS = 10_000;

/** When to renew a session that ends in `remainingMs`: a minute ahead, or at two thirds of a short one. */
export function renewalDelayMs(remainingMs: number): number {
  return Math.max(0, remainingMs - Math.min(RENEW_AHEAD_MS, remainingMs / 3));
}

export interface RenewalDeps {
  /** The host's token callback: asked for a fresh token before the held one runs out. */
  getToken: () => Promise<string>;
  /** Sends `auth:refresh` with the token; the server answers with the new deadline. */
  send: (token: string) => Promise<Outcome<SessionExpiry>>;
  /**
   * A renewal failed and the session ends at `endsAt` (epoch ms) unless a retry succeeds; `null`
   * once a renewal went through.
   */
  onTrouble: (endsAt: number | null) => void;
}

/**
 * Keeps a session alive past its token: told when the server will end it, it asks the host for a
 * new token ahead of time and sends `auth:refresh`; if it cannot, it says so (`onTrouble`) and
 * retries until the end. One per socket; `stop` on disconnect, the next connection starts afresh.
 */
export class SessionRenewal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline = 0;
  /** Bumped by `stop` and each new schedule, so an answer arriving late changes nothing. */
  private generation = 0;

  constructor(private readonly deps: RenewalDeps) {}

  /** The server said the session ends in `seconds` (counted on its clock, so skew does not matter). */
  expiresIn(seconds: number): void {
    this.deadline = Date.now() + seconds * 1000;
    this.schedule(renewalDelayMs(seconds * 1000));
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    this.stop();
    const generation = this.generation;
    this.timer = setTimeout(() => void this.renew(generation), Math.min(delayMs, 2 ** 31 - 1));
  }

  private async renew(generation: number): Promise<void> {
    const out = await this.attempt();
    if (generation !== this.generation) return;
    if (out.ok) {
      this.deps.onTrouble(null);
      this.expiresIn(out.data.expiresInSeconds);
      return;
    }
    this.deps.onTrouble(this.deadline);
    const left = this.deadline - Date.now();
    if (left > 1_000) this.schedule(Math.min(RENEW_RETRY_MS, left / 2));
  }

  private async attempt(): Promise<Outcome<SessionExpiry>> {
    let token: string;
    try {
      token = await this.deps.getToken();
    } catch (err) {
      return {
        ok: false,
        error: { code: 'TOKEN_UNAVAILABLE', message: err instanceof Error ? err.message : String(err) },
      };
    }
    return this.deps.send(token);
  }
}
