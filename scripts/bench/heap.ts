import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sampleProc } from './proc-stats.ts';
import type { ServerProcess } from './processes.ts';

const run = promisify(execFile);
const PROBE = fileURLToPath(new URL('./heap-probe.mjs', import.meta.url));

export interface Memory {
  /** V8 heap in use after two full collections, plus memory held outside it (buffers), bytes. */
  heap: number;
  /** Resident memory right after those collections, bytes. */
  rss: number;
}

/**
 * Memory of server processes after a forced full garbage collection, through each process's
 * inspector (null when one has none), summed. With `snapshotFile`, the first server's heap
 * snapshot is written there too.
 */
export async function memoryAfterGc(servers: ServerProcess[], snapshotFile?: string): Promise<Memory | null> {
  let heap = 0;
  let rss = 0;
  for (const [index, server] of servers.entries()) {
    const url = await server.inspector;
    if (!url) return null;
    try {
      const { stdout } = await run(
        process.execPath,
        [
          '--experimental-websocket',
          '--no-warnings',
          PROBE,
          url,
          ...(snapshotFile && index === 0 ? [snapshotFile] : []),
        ],
        { timeout: 60_000, maxBuffer: 1 << 20 },
      );
      const usage = JSON.parse(stdout.trim()) as { heapUsed: number; external: number };
      heap += usage.heapUsed + usage.external;
      rss += sampleProc(server.pid)?.rss ?? 0;
    } catch {
      return null;
    }
  }
  return { heap, rss };
}
