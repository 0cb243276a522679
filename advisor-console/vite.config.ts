import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../scripts/lib/precompress-plugin.ts';

const server = process.env.INFOCIG_SERVER_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/socket.io': { target: server, ws: true },
  '/dev': { target: server },
};

/** The advisors' console, served under `/console/`; `/socket.io` and `/dev` go to the Info CIG server. */
export default defineConfig({
  base: '/console/',
  plugins: [react(), precompress()],
  server: { port: 5174, proxy },
  preview: { port: 4174, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Rolldown's warning that plugins took long depends on the machine's load, not on the build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
