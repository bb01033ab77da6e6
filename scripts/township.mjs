#!/usr/bin/env node
// The `township` command: runs the TypeScript CLI through tsx, so `npx township …` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../township/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
