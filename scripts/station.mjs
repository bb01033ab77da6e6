#!/usr/bin/env node
// The `station` command: runs the TypeScript CLI through tsx, so `npx station …` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
