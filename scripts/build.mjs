// Builds what runs outside Node's own TypeScript path: the renderer (Vite) and the Electron main + preload (esbuild).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const only = process.argv[2];

if (!only || only === 'renderer') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}

if (!only || only === 'shell') {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // Native modules and Electron itself stay outside the bundle (electron-builder unpacks natives from the asar).
    external: ['electron', 'better-sqlite3', 'serialport', 'node-hid', 'sharp', 'onnxruntime-node'],
  };
  await esbuild({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: 'dist/shell/main.mjs',
    format: 'esm',
    // Bundled CommonJS dependencies still call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // The device process runs beside the main bundle (electron/core/devices/device-host.ts looks for it there).
  await esbuild({
    ...common,
    entryPoints: { 'device-process': 'native/devices/device-process.ts' },
    outdir: 'dist/shell',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // A sandboxed preload must be a single CommonJS file.
  await esbuild({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/shell/preload.cjs', format: 'cjs' });
}
