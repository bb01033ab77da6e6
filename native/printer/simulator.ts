/**
 * Printers without hardware, for web mode (`--simulate`), the device page and tests: in-memory CUPS-like queues
 * that print each job in a set time, with faults a test or a technician can switch on — a stopped queue, a queue
 * refusing jobs, jobs that fail, slow jobs, the scheduler down. Time comes from a Clock, so a test drives it by hand.
 */
import { readFile } from 'node:fs/promises';
import { PrinterError, CUPS_INSTALL_LINE } from './errors.ts';
import { createPrinters, type PrintersOptions } from './printers.ts';
import {
  systemClock,
  type Clock,
  type JobState,
  type JobStatus,
  type JobSummary,
  type PrintDocument,
  type PrinterBackend,
  type Printers,
  type QueueReport,
  type RoleQueues,
} from './types.ts';

export interface SimQueueSpec {
  name: string;
  device?: string;
  isDefault?: boolean;
  /** The paper sizes its driver offers (lpoptions' PageSize choices); null or left out: no list, any size is tried. */
  media?: string[] | null;
}

/** What an office laser's driver typically lists: no photo paper. */
export const OFFICE_MEDIA = ['A4', 'A5', 'Letter', 'Legal'];

export type SimFault =
  /** The queue is paused, as after cupsdisable or a printer error under ErrorPolicy stop-printer. */
  | { kind: 'stopped'; message?: string }
  /** The queue refuses new jobs, as after cupsreject. */
  | { kind: 'rejecting'; message?: string }
  /** The next `jobs` jobs (default 1) end in processing-stopped with this message, as a filter failure does. */
  | { kind: 'job-error'; message?: string; jobs?: number }
  /** Every job takes this long. */
  | { kind: 'slow'; jobMs: number };

export interface SimulatedPrint {
  jobId: string;
  queue: string;
  media: string;
  copies: number;
  title: string;
  document: Uint8Array;
}

export const DEFAULT_SIM_QUEUES: readonly SimQueueSpec[] = [
  { name: 'Receipt', device: 'simulated:/receipt', media: OFFICE_MEDIA },
  { name: 'A4', device: 'simulated:/a4', isDefault: true, media: OFFICE_MEDIA },
  { name: 'Photo', device: 'simulated:/photo', media: ['4x6', '5x7', 'A6'] },
];

export const DEFAULT_SIM_ROLES: RoleQueues = { receipt: 'Receipt', a4: 'A4', photo: 'Photo' };

/** A clock whose sleep() moves time forward at once: a followed job finishes without the test waiting. */
export function manualClock(start = 0): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

function faultMessage(fault: SimFault | undefined): string | undefined {
  return fault && 'message' in fault ? fault.message : undefined;
}

interface SimJob {
  jobId: string;
  queue: string;
  state: JobState;
  reasons: string[];
  message: string;
  bytes: number;
  submittedAt: number;
  /** When the job will finish (processing) or finished. */
  endsAt: number | null;
  failWith: string | null;
}

interface SimQueue {
  name: string;
  device: string;
  isDefault: boolean;
  media: string[] | null;
  faults: Map<SimFault['kind'], SimFault>;
  /** When the queue finished its last job: the next one cannot start earlier. */
  freeAt: number;
  lastMessage: string;
}

const UNFINISHED: readonly JobState[] = ['pending', 'held', 'processing', 'stopped'];

export class PrinterSimulator implements PrinterBackend {
  readonly kind = 'simulator' as const;
  private readonly clock: Clock;
  private readonly jobMs: number;
  private readonly queues = new Map<string, SimQueue>();
  private readonly allJobs: SimJob[] = [];
  private readonly prints: SimulatedPrint[] = [];
  private nextNumber = 1;
  private running = true;

  constructor(options: { clock?: Clock; jobMs?: number; queues?: readonly SimQueueSpec[] } = {}) {
    this.clock = options.clock ?? systemClock;
    this.jobMs = options.jobMs ?? 1000;
    for (const spec of options.queues ?? DEFAULT_SIM_QUEUES) this.addQueue(spec);
  }

  addQueue(spec: SimQueueSpec): void {
    this.queues.set(spec.name, {
      name: spec.name,
      device: spec.device ?? `simulated:/${spec.name}`,
      isDefault: spec.isDefault ?? false,
      media: spec.media ?? null,
      faults: new Map(),
      freeAt: this.clock.now(),
      lastMessage: '',
    });
  }

  /** Like lpadmin -x: the queue and its jobs are gone. */
  removeQueue(name: string): void {
    this.queues.delete(name);
    for (let i = this.allJobs.length - 1; i >= 0; i--) if (this.allJobs[i]?.queue === name) this.allJobs.splice(i, 1);
  }

  setFault(queue: string, fault: SimFault): void {
    this.mustQueue(queue).faults.set(fault.kind, fault);
  }

  /** Clears one kind of fault, or all of them. */
  clearFault(queue: string, kind?: SimFault['kind']): void {
    const q = this.mustQueue(queue);
    if (kind) q.faults.delete(kind);
    else q.faults.clear();
  }

  setSchedulerRunning(running: boolean): void {
    this.running = running;
  }

  /** Every document submitted, in order. */
  printed(): readonly SimulatedPrint[] {
    return this.prints;
  }

  async listQueues(): Promise<QueueReport[]> {
    this.advance();
    return [...this.queues.values()].map((q) => this.report(q));
  }

  async queue(name: string): Promise<QueueReport | null> {
    this.advance();
    const q = this.queues.get(name);
    return q ? this.report(q) : null;
  }

  async media(queue: string): Promise<string[] | null> {
    this.advance();
    if (!this.running) throw new PrinterError('printer.cups-unavailable', 'simulated scheduler is down', { install: CUPS_INSTALL_LINE });
    const q = this.queues.get(queue);
    return q ? q.media : null;
  }

  async listJobs(queue: string | undefined, limit: number): Promise<JobSummary[]> {
    this.advance();
    if (queue !== undefined) this.mustQueue(queue);
    const mine = this.allJobs.filter((j) => queue === undefined || j.queue === queue);
    const summary = (j: SimJob, finished: boolean): JobSummary => ({
      jobId: j.jobId,
      queue: j.queue,
      user: 'station',
      bytes: j.bytes,
      at: finished ? j.endsAt : j.submittedAt,
      // Unfinished jobs are pending, held, processing or stopped: the listing's own states.
      state: finished ? 'finished' : (j.state as JobSummary['state']),
      message: j.message,
    });
    const active = mine.filter((j) => UNFINISHED.includes(j.state)).map((j) => summary(j, false));
    const finished = mine
      .filter((j) => !UNFINISHED.includes(j.state))
      .sort((a, b) => (b.endsAt ?? 0) - (a.endsAt ?? 0))
      .slice(0, limit)
      .map((j) => summary(j, true));
    return [...active, ...finished];
  }

  async jobStatus(jobId: string): Promise<JobStatus | null> {
    this.advance();
    const job = this.allJobs.find((j) => j.jobId === jobId);
    return job ? { jobId, state: job.state, reasons: [...job.reasons], message: job.message } : null;
  }

  async submit(
    queue: string,
    document: PrintDocument,
    options: { media: string; copies: number; title: string },
  ): Promise<string> {
    const bytes = 'path' in document ? new Uint8Array(await readFile(document.path)) : document.bytes;
    this.advance();
    const q = this.queues.get(queue);
    if (!q) throw new PrinterError('printer.queue-missing', `simulated queue ${queue} does not exist`, { queue });
    const rejecting = q.faults.get('rejecting');
    if (rejecting) {
      const message = faultMessage(rejecting) ?? '';
      throw new PrinterError('printer.queue-rejecting', `simulated queue ${queue} rejects jobs`, { queue, message });
    }
    const jobId = `${queue}-${this.nextNumber++}`;
    this.allJobs.push({
      jobId,
      queue,
      state: 'pending',
      reasons: [],
      message: '',
      bytes: bytes.length,
      submittedAt: this.clock.now(),
      endsAt: null,
      failWith: null,
    });
    this.prints.push({ jobId, queue, ...options, document: bytes });
    this.advance();
    return jobId;
  }

  async cancel(jobId: string): Promise<void> {
    this.advance();
    const job = this.allJobs.find((j) => j.jobId === jobId);
    if (!job || !UNFINISHED.includes(job.state)) return;
    const q = this.queues.get(job.queue);
    if (job.state === 'processing' && q) q.freeAt = this.clock.now();
    Object.assign(job, { state: 'canceled', reasons: ['job-canceled-by-user'], endsAt: this.clock.now() });
  }

  async resume(queue: string): Promise<void> {
    this.advance();
    const q = this.mustQueue(queue);
    q.faults.delete('stopped');
    q.faults.delete('rejecting');
  }

  private mustQueue(name: string): SimQueue {
    const q = this.queues.get(name);
    if (!q) throw new PrinterError('printer.queue-missing', `simulated queue ${name} does not exist`, { queue: name });
    return q;
  }

  private report(q: SimQueue): QueueReport {
    const stopped = q.faults.get('stopped');
    const rejecting = q.faults.get('rejecting');
    const printing = this.allJobs.find((j) => j.queue === q.name && j.state === 'processing');
    return {
      name: q.name,
      state: stopped ? 'stopped' : printing ? 'printing' : 'idle',
      accepting: !rejecting,
      message: (stopped ? faultMessage(stopped) : faultMessage(rejecting)) ?? q.lastMessage,
      device: q.device,
      isDefault: q.isDefault,
      printingJob: printing?.jobId ?? null,
    };
  }

  /** Brings every queue up to the clock's now: finishes due jobs and starts the next, one at a time per queue. */
  private advance(): void {
    if (!this.running) {
      throw new PrinterError('printer.cups-unavailable', 'simulated scheduler is not running', {
        install: CUPS_INSTALL_LINE,
      });
    }
    const now = this.clock.now();
    for (const q of this.queues.values()) {
      for (;;) {
        const current = this.allJobs.find((j) => j.queue === q.name && j.state === 'processing');
        if (current) {
          if (current.endsAt === null || now < current.endsAt) break;
          q.freeAt = current.endsAt;
          if (current.failWith === null) {
            Object.assign(current, { state: 'completed', reasons: [], message: '' });
          } else {
            const message = current.failWith;
            Object.assign(current, { state: 'stopped', reasons: ['job-completed-with-errors'], message });
            q.lastMessage = current.failWith;
          }
          continue;
        }
        if (q.faults.has('stopped')) break;
        const next = this.allJobs.find((j) => j.queue === q.name && j.state === 'pending');
        if (!next) break;
        const slow = q.faults.get('slow');
        const start = Math.max(next.submittedAt, q.freeAt);
        Object.assign(next, {
          state: 'processing',
          reasons: ['job-printing'],
          endsAt: start + (slow?.kind === 'slow' ? slow.jobMs : this.jobMs),
          failWith: this.takeJobError(q),
        });
      }
    }
  }

  private takeJobError(q: SimQueue): string | null {
    const fault = q.faults.get('job-error');
    if (fault?.kind !== 'job-error') return null;
    const left = (fault.jobs ?? 1) - 1;
    if (left > 0) q.faults.set('job-error', { ...fault, jobs: left });
    else q.faults.delete('job-error');
    return fault.message ?? 'Simulated paper jam';
  }
}

export interface SimulatedPrintersOptions extends Partial<PrintersOptions> {
  jobMs?: number;
  queues?: readonly SimQueueSpec[];
}

/** Printers over a fresh simulator; by default three queues, one per role. */
export function createSimulatedPrinters(options: SimulatedPrintersOptions = {}): {
  printers: Printers;
  simulator: PrinterSimulator;
} {
  const { jobMs, queues, roles = DEFAULT_SIM_ROLES, ...rest } = options;
  const simulator = new PrinterSimulator({ clock: rest.clock, jobMs, queues });
  return { printers: createPrinters(simulator, { ...rest, roles }), simulator };
}
