import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { csp } from './scripts/csp';
import { offline } from './scripts/vite-offline';
import { firstPaint } from './scripts/first-paint';
import { compileHints } from './scripts/compile-hints';

export default defineConfig({
  // Relative base: the built app works from any path on a static host.
  base: './',
  // csp(): the Content-Security-Policy <meta> of every page (scripts/csp.ts);
  // firstPaint(): a first visit's header and start-here text (a lesson's or a scenario's header)
  //   before the script runs, and the stylesheets at the body's start (the first frame does not
  //   wait for them);
  // compileHints(): V8 compiles the opening's scripts as they stream in, off the main thread;
  // offline(): dist/sw.js, the service worker that precaches the build (docs/architecture.md).
  plugins: [react(), csp(), firstPaint(), compileHints(), offline()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Two pages: the app, and the embed for documentation sites (docs/embedding.md).
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
