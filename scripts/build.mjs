// Builds what runs outside Node's own TypeScript path: the renderer (Vite), and with esbuild the Node bundles in
// dist/shell — the Electron main and preload, the device process beside them, and the station command.
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
    external: ['electron', 'better-sqlite3', 'serialport', 'node-hid', 'sharp', 'onnxruntime-node', 'tsx'],
  };
  const esm = {
    ...common,
    format: 'esm',
    outdir: 'dist/shell',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies still call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  };
  // The device process must sit beside the bundles that start it (electron/core/devices/device-host.ts).
  await esbuild({
    ...esm,
    entryPoints: {
      main: 'electron/shell/main.ts',
      'device-process': 'native/devices/device-process.ts',
      station: 'electron/cli/main.ts',
    },
  });
  // A sandboxed preload must be a single CommonJS file.
  await esbuild({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/shell/preload.cjs', format: 'cjs' });
}
