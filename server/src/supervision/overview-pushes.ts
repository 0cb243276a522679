import type { FastifyBaseLogger } from 'fastify';
import type { SupervisorNamespace } from '../realtime/typed-sockets.ts';
import type { ServiceOverviewReader } from './service-overview.ts';

/** How often a process with supervisors connected reads the overview again. */
export const OVERVIEW_PUSH_MS = 2_000;

/**
 * Each process pushes the overview to its own supervisors, and only when it changed: read from
 * Redis, it already counts every process's queues and advisors, so no process needs to tell the
 * others. Nothing is read while no supervisor is connected here.
 */
export function startOverviewPushes(
  nsp: SupervisorNamespace,
  overview: ServiceOverviewReader,
  log: FastifyBaseLogger,
  intervalMs = OVERVIEW_PUSH_MS,
) {
  let last = '';
  let running = false;
  let failing = false;

  async function tick(): Promise<void> {
    if (nsp.sockets.size === 0) {
      last = '';
      return;
    }
    if (running) return;
    running = true;
    try {
      const now = await overview();
      failing = false;
      const { at: _at, ...content } = now;
      const fingerprint = JSON.stringify(content);
      if (fingerprint !== last) {
        last = fingerprint;
        nsp.local.emit('supervisor:overview', now);
      }
    } catch (err) {
      // One line per outage, not one per tick; supervisors keep the last overview meanwhile.
      if (!failing) log.warn({ err }, 'supervisor overview unavailable');
      failing = true;
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    /** Reads and pushes now (after a change this process made). */
    poke: () => void tick(),
    stop: () => clearInterval(timer),
  };
}
