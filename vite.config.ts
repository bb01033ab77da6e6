import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: plain browser code, served by `station serve` in web mode and loaded from disk by the shell.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    assetsInlineLimit: 0,
    sourcemap: false,
    // One bundle on purpose: the kiosk loads it from its own disk or loopback, never over a slow line.
    chunkSizeWarningLimit: 2000,
  },
  server: { fs: { allow: ['..'] } },
});
