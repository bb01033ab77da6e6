// The real township for tests and benchmarks, one launcher: in this process (the app and store at hand, a clock
// injected) or as a child process (`node scripts/township.mjs serve`: its own event loop and CPU, SIGKILL-able,
// restartable on the same port and data, its clock from DOORSTEP_CLOCK).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CLOCK_ENV, clockFrom, type Clock } from '../../contract/domain/clock.ts';
import { buildServer } from '../../township/server.ts';
import { openStore } from '../../township/store/open-store.ts';
import type { Store } from '../../township/store/store.ts';
import { processCpuSeconds } from './proc-cpu.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const READY = /township listening on (\S+)/;
const START_TIMEOUT_MS = 60_000;
export const ADMIN_TOKEN = 'launcher-admin-token-0123456789abcdefghijk';

export interface TownshipOptions {
  /** 0 (the default) for any free port; a fixed port to start a child again at the same address. */
  port?: number;
  /** --data-dir: blobs/ and uploads/ go here. By default a fresh temporary directory. */
  dataDir?: string;
  /** The backend: a SQLite file or a postgres:// URL (scripts/lib/pg-cluster.ts makes those); by default <dataDir>/township.sqlite. */
  db?: string;
}

export interface InProcessOptions extends TownshipOptions {
  mode?: 'in-process';
  /** The server's "now"; by default DOORSTEP_CLOCK's or the machine's. */
  clock?: Clock;
}

export interface ChildOptions extends TownshipOptions {
  mode: 'child';
  /** Where its stdout and stderr go (Fastify logs every request), not through this process. */
  logFile: string;
  /** DOORSTEP_CLOCK for the child; by default this process's own. */
  clockEnv?: string;
}

/** What both modes answer to. */
interface TownshipClient {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** A one-time enrolment code for a station of 青苗村 第三网格. */
  code(): Promise<string>;
}

export interface InProcessTownship extends TownshipClient {
  app: FastifyInstance;
  store: Store;
  dataDir: string;
  /** Closes the server and the store, and removes the data directory. */
  stop(): Promise<void>;
}

export function startTownship(o: ChildOptions): Promise<TownshipProcess>;
export function startTownship(o?: InProcessOptions): Promise<InProcessTownship>;
export async function startTownship(o: InProcessOptions | ChildOptions = {}): Promise<InProcessTownship | TownshipProcess> {
  if (o.mode === 'child') {
    const child = new TownshipProcess(o);
    await child.start();
    return child;
  }
  return startInProcess(o);
}

async function startInProcess(o: InProcessOptions): Promise<InProcessTownship> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'township-'));
  const store = await openStore(o.db ?? join(dataDir, 'township.sqlite'));
  const app = await buildServer({ store, dataDir, adminToken: ADMIN_TOKEN, now: o.clock ?? clockFrom(process.env[CLOCK_ENV]) });
  const url = await app.listen({ port: o.port ?? 0, host: '127.0.0.1' });
  return {
    ...client(() => url),
    url,
    app,
    store,
    dataDir,
    stop: async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function client(url: () => string): Omit<TownshipClient, 'url'> {
  const admin: TownshipClient['admin'] = async (method, path, body) => {
    const res = await fetch(new URL(path, url()), {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    admin,
    async code() {
      const res = await admin('POST', '/v1/admin/enrolment-codes', { village: '青苗村', grid: '第三网格' });
      if (res.status !== 200) throw new Error(`enrolment code: HTTP ${res.status} ${JSON.stringify(res.json)}`);
      return res.json.code as string;
    },
  };
}

/** The township as a child process; start() again after stop() or kill() brings it back on the same port and data. */
export class TownshipProcess implements TownshipClient {
  readonly options: ChildOptions & { dataDir: string };
  readonly admin: TownshipClient['admin'];
  readonly code: TownshipClient['code'];
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  /** Where this start's output begins in the log: a restart appends to it. */
  #logFrom = 0;
  #url = '';
  /** performance.now() when it last printed that it listens. */
  readyAt = 0;
  starts = 0;

  constructor(options: ChildOptions) {
    this.options = { ...options, dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'township-')) };
    ({ admin: this.admin, code: this.code } = client(() => this.url));
  }

  get url(): string {
    return this.#url;
  }

  /** Once started: the port it listens on. */
  get port(): number {
    return Number(new URL(this.#url).port);
  }

  get running(): boolean {
    return this.#child !== null;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The last few KB this start wrote: its address, or why it did not start. */
  #outputTail(): string {
    return readFileSync(this.options.logFile).subarray(this.#logFrom).toString().slice(-8000);
  }

  /** CPU seconds (user + system) it has used so far, from /proc. */
  cpuSeconds(): number {
    return this.#child?.pid === undefined ? 0 : processCpuSeconds(this.#child.pid);
  }

  async start(): Promise<void> {
    if (this.#child) throw new Error('township already running');
    const { port = 0, dataDir, logFile, clockEnv } = this.options;
    const log = openSync(logFile, 'a');
    this.#logFrom = fstatSync(log).size;
    let child: ChildProcess;
    try {
      child = spawn(
        process.execPath,
        [join(ROOT, 'scripts', 'township.mjs'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--db', this.options.db ?? join(dataDir, 'township.sqlite'), '--data-dir', dataDir],
        {
          cwd: ROOT,
          env: { ...process.env, TOWNSHIP_ADMIN_TOKEN: ADMIN_TOKEN, ...(clockEnv !== undefined && { [CLOCK_ENV]: clockEnv }) },
          stdio: ['ignore', log, log],
        },
      );
    } finally {
      closeSync(log);
    }
    this.#child = child;
    this.starts++;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = null;
    });
    try {
      this.#url = await this.#listening(child);
      this.readyAt = performance.now();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  #listening(child: ChildProcess): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const started = performance.now();
      const poll = setInterval(() => {
        const m = READY.exec(this.#outputTail());
        if (m?.[1]) {
          clearInterval(poll);
          resolve(m[1]);
        } else if (performance.now() - started > START_TIMEOUT_MS) {
          clearInterval(poll);
          reject(new Error(`township did not start in ${START_TIMEOUT_MS} ms:\n${this.#outputTail()}`));
        }
      }, 10);
      child.once('exit', (code, signal) => {
        clearInterval(poll);
        reject(new Error(`township exited (${code ?? signal}) before it listened:\n${this.#outputTail()}`));
      });
    });
  }

  /** kill -9: no shutdown, no flushing, whatever was in flight. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGKILL');
    await this.#exited;
  }

  /** A clean stop (SIGTERM), killed if it takes longer than 10 s. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.#exited;
    clearTimeout(timer);
  }
}
