// The real township as a child process (`node scripts/township.mjs serve`), for benchmarks: its own event loop and
// its own CPU, its request log going to a file rather than through the parent.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCpuSeconds } from './proc-cpu.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const READY = /township listening on (\S+)/;
const START_TIMEOUT_MS = 60_000;
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdefghijklmn';

export interface TownshipProcessOptions {
  /** 0 for any free port; a fixed port to stop and start it again at the same address. */
  port: number;
  /** A SQLite file or a postgres:// URL. */
  db: string;
  dataDir: string;
  /** Where its stdout and stderr go (Fastify logs every request there). */
  logFile: string;
}

export interface TownshipProcess {
  url: string;
  pid: number;
  /** performance.now() when it printed that it listens. */
  readyAt: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** A one-time enrolment code. */
  code(): Promise<string>;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
  /** SIGTERM, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startTownshipProcess(o: TownshipProcessOptions): Promise<TownshipProcess> {
  const log = openSync(o.logFile, 'a');
  // A restart appends to the same log: only what this process writes says whether it listens.
  const from = fstatSync(log).size;
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      [join(ROOT, 'scripts', 'township.mjs'), 'serve', '--host', '127.0.0.1', '--port', String(o.port), '--db', o.db, '--data-dir', o.dataDir],
      { cwd: ROOT, env: { ...process.env, TOWNSHIP_ADMIN_TOKEN: BENCH_ADMIN_TOKEN }, stdio: ['ignore', log, log] },
    );
  } finally {
    closeSync(log);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  const output = () => readFileSync(o.logFile).subarray(from).toString();
  const tail = () => output().slice(-4000);
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const started = performance.now();
      const poll = setInterval(() => {
        const m = READY.exec(output());
        if (m?.[1]) {
          clearInterval(poll);
          resolve(m[1]);
        } else if (performance.now() - started > START_TIMEOUT_MS) {
          clearInterval(poll);
          reject(new Error(`township did not start in ${START_TIMEOUT_MS} ms:\n${tail()}`));
        }
      }, 10);
      child.once('exit', (code, signal) => {
        clearInterval(poll);
        reject(new Error(`township exited (${code ?? signal}) before it listened:\n${tail()}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const readyAt = performance.now();
  const admin: TownshipProcess['admin'] = async (method, path, body) => {
    const res = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    url,
    pid: child.pid!,
    readyAt,
    admin,
    async code() {
      const res = await admin('POST', '/v1/admin/enrolment-codes', { village: '青苗村', grid: '第三网格' });
      if (res.status !== 200) throw new Error(`enrolment code: HTTP ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.code as string;
    },
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop,
  };
}
