#!/usr/bin/env node
// The `station` command. It runs the bundle `npm run build` made (dist/shell/station.mjs) when that is newer than
// every source file — fast to start, which a kiosk's cold start needs — and otherwise the TypeScript sources
// through tsx, so `npx station …` never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const bundle = join(root, 'dist', 'shell', 'station.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs|json|sql)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let built = 0;
try {
  built = statSync(bundle).mtimeMs;
} catch {
  built = 0;
}
const current = built > 0 && ['electron', 'native', 'db'].every((d) => newestSource(join(root, d)) < built);

if (current) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
