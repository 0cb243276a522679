import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../scripts/lib/precompress-plugin.ts';

const server = process.env.INFOCIG_SERVER_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/socket.io': { target: server, ws: true },
  '/dev': { target: server },
};

/** The demo portal page with the widget in it; `/socket.io` and `/dev` go to the Info CIG server. */
export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
