import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from '../scripts/lib/precompress-plugin.ts';

const server = process.env.INFOCIG_SERVER_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/socket.io': { target: server, ws: true },
  '/dev': { target: server },
};
const entry = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Two entries: `widget.js`, the one tag host pages add (a small loader that fetches the widget when
 * the panel opens), and the demo portal page, a host page like any other. Paths are relative
 * (`base: './'`) so the widget's chunks load from this server whichever page imports them.
 */
export default defineConfig({
  base: './',
  plugins: [react(), precompress()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Preload hints would be added to the host page's document: the widget needs none.
    modulePreload: false,
    rolldownOptions: {
      input: { demo: entry('index.html'), widget: entry('src/embed/widget-loader.ts') },
      // Rolldown's warning that plugins took long depends on the machine's load, not on the build.
      checks: { bundlerTimings: false },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
