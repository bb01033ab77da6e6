/** Starts simulator/main.ts as a child process and drives it over its control channel (tests, benchmarks). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ControlMessage, ControlReply } from './control.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SimulatorProcessOptions {
  port: string;
  profile?: string;
  faults?: string;
  baud?: number;
  trace?: boolean;
  startTimeoutMs?: number;
}

export interface SimulatorEvent {
  event: string;
  [key: string]: unknown;
}

type Waiter = { name: string; resolve(event: SimulatorEvent): void };

export class SimulatorProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly replies = new Map<number, { resolve(reply: ControlReply): void; reject(error: Error): void }>();
  private readonly events: SimulatorEvent[] = [];
  private waiters: Waiter[] = [];
  private nextId = 1;
  private stderr = '';
  private readonly exited: Promise<void>;

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        for (const { reject } of this.replies.values()) reject(new Error(`the simulator exited: ${this.stderr}`));
        this.replies.clear();
        resolve();
      }),
    );
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
  }

  static async start(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
    const args = ['--import', 'tsx', MAIN, '--port', options.port];
    if (options.profile) args.push('--profile', options.profile);
    if (options.faults) args.push('--faults', options.faults);
    if (options.baud !== undefined) args.push('--baud', String(options.baud));
    if (options.trace) args.push('--trace');
    const sim = new SimulatorProcess(spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'pipe' }));
    const died = sim.exited.then(() => {
      throw new Error(`the simulator exited before it was ready: ${sim.stderr}`);
    });
    await Promise.race([sim.waitFor('ready', options.startTimeoutMs ?? 20_000), died]);
    died.catch(() => undefined);
    return sim;
  }

  /** Sends a control message and waits for its reply; a refused command rejects. */
  async send(message: ControlMessage): Promise<ControlReply & { ok: true }> {
    const id = this.nextId++;
    const reply = await new Promise<ControlReply>((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ ...message, id })}\n`, (error) => {
        if (error) reject(error);
      });
    });
    if (!reply.ok) throw new Error(`simulator refused ${message.op}: ${reply.error}`);
    return reply;
  }

  /** Resolves with the first not yet consumed event of that name. */
  waitFor(name: string, timeoutMs = 10_000): Promise<SimulatorEvent> {
    const index = this.events.findIndex((e) => e.event === name);
    if (index >= 0) return Promise.resolve(this.events.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        name,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${name} event from the simulator within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin.end();
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(killer);
  }

  private onLine(line: string): void {
    let message: (SimulatorEvent | ControlReply) & { id?: unknown };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return;
    }
    if ('event' in message && typeof message.event === 'string') {
      const event = message as SimulatorEvent;
      const waiter = this.waiters.find((w) => w.name === event.event);
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(event);
      } else {
        this.events.push(event);
      }
      return;
    }
    if (typeof message.id === 'number') {
      this.replies.get(message.id)?.resolve(message as ControlReply);
      this.replies.delete(message.id);
    }
  }
}
