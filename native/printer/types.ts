/**
 * The printer device kind: what the station core may ask of printers, whether they are real CUPS queues or the
 * simulator. Everything here is JSON-safe so it can cross the contract as is.
 */

/** What a print is for; the station config maps each role to one CUPS queue. */
import type { PrinterRole } from '../../contract/domain/printer-roles.ts';

/** Role → CUPS queue name, from the station config. A role without a queue cannot print. */
export type RoleQueues = Partial<Record<PrinterRole, string>>;

/** The paper a role prints on (assets/printer/roles.json). */
export interface RolePaper {
  /** CUPS media keyword, passed as `lp -o media=…`. */
  media: string;
  widthMm: number;
  heightMm: number;
  /** How long to follow a job on this kind of printer before giving up on it. */
  timeoutSeconds: number;
}
export type RolePapers = Record<PrinterRole, RolePaper>;

/** IPP printer-state; CUPS calls a stopped queue "disabled" (`cupsdisable`). */
export type QueueState = 'idle' | 'printing' | 'stopped';

export interface QueueInfo {
  name: string;
  state: QueueState;
  /** False after `cupsreject`: new jobs are refused even when the printer itself is fine. */
  accepting: boolean;
  /** The printer's last message or the reason it was stopped or rejects jobs; '' when there is none. */
  message: string;
  /** Device URI with any user:password removed; null when CUPS did not report one. */
  device: string | null;
  isDefault: boolean;
  /** Job id ("PDF-13") the queue is printing now. */
  printingJob: string | null;
  /** Roles the current config maps to this queue. */
  roles: PrinterRole[];
}

/** A queue as a backend reports it, before the role config is applied. */
export type QueueReport = Omit<QueueInfo, 'roles'>;

/** IPP job-state. `stopped` is processing-stopped: CUPS hit an error and will retry the job later. */
export type JobState = 'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed';

/** One job's exact state, as followed while printing. */
export interface JobStatus {
  jobId: string;
  state: JobState;
  /** IPP job-state-reasons, e.g. job-printing, job-completed-with-errors. */
  reasons: string[];
  /** What the printer last said while working on the job; '' when nothing. */
  message: string;
}

/**
 * A job in a queue listing. `lpstat` cannot tell a completed job from a cancelled or aborted one (CUPS 2.4 reports
 * the same reason for all three), so the listing only says `finished`; `Printers.job()` gives the exact state.
 */
export interface JobSummary {
  jobId: string;
  queue: string;
  /** '' when CUPS hides other users' names. */
  user: string;
  bytes: number;
  /** Epoch ms when it was submitted (finished jobs: when it finished); null when CUPS printed no readable time. */
  at: number | null;
  state: 'pending' | 'held' | 'processing' | 'stopped' | 'finished';
  message: string;
}

export interface PrintRequest {
  role: PrinterRole;
  /** A PDF: a file path, or its bytes. */
  document: string | Uint8Array;
  /** 1–99; default 1. */
  copies?: number;
  /** Job name shown in CUPS and on the printer's panel. */
  title?: string;
  /** Print on this queue instead of the role's configured one, with the role's paper: lets the device page try a
   * queue before the role is saved. */
  queue?: string;
}

export interface SubmittedJob {
  jobId: string;
  queue: string;
  role: PrinterRole;
  media: string;
  copies: number;
}

export interface PrintResult extends SubmittedJob {
  state: 'completed';
}

export interface FollowOptions {
  /** Give up (and cancel the job) after this long; default the role's timeoutSeconds. */
  timeoutMs?: number;
  /** Called with every state read while following. */
  onProgress?: (status: JobStatus) => void;
}

/**
 * One per device kind (docs/architecture.md, "The device process"): the CUPS driver and the simulator both implement it. Failures are
 * PrinterError with a code from errors.ts.
 */
export interface Printers {
  readonly kind: 'cups' | 'simulator';
  queues(): Promise<QueueInfo[]>;
  /** Unfinished jobs, then up to `limit` (default 50) finished ones, newest first; one queue or all. */
  jobs(queue?: string, limit?: number): Promise<JobSummary[]>;
  /** The exact state of one job; null when CUPS does not know it (any more). */
  job(jobId: string): Promise<JobStatus | null>;
  /** Checks the queue, submits, and follows the job until it completes; throws if it does not. */
  print(request: PrintRequest, options?: FollowOptions): Promise<PrintResult>;
  submit(request: PrintRequest): Promise<SubmittedJob>;
  /** Waits for a submitted job to complete. On failure or timeout the job is cancelled, so it never comes out
   * minutes later in front of the next person; a stopped queue fails at once for the same reason. */
  follow(job: SubmittedJob, options?: FollowOptions): Promise<PrintResult>;
  /** Cancelling a job that already finished is not an error. */
  cancel(jobId: string): Promise<void>;
  /** Re-enables a stopped queue and makes it accept jobs again (needs CUPS admin rights). */
  resume(queue: string): Promise<void>;
  /** A one-page PDF on the role's paper naming the queue, role and time, printed and followed like any job. */
  printTestPage(role: PrinterRole, options?: FollowOptions & { queue?: string }): Promise<PrintResult>;
}

/** Time as the follow loop sees it; tests and the simulator swap in a manual clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A document ready to hand to a backend: an absolute path, or the bytes. */
export type PrintDocument = { path: string } | { bytes: Uint8Array };

/** What the real driver and the simulator each do; createPrinters() adds roles, checks and following on top. */
export interface PrinterBackend {
  readonly kind: Printers['kind'];
  listQueues(): Promise<QueueReport[]>;
  /** null when no such queue exists. */
  queue(name: string): Promise<QueueReport | null>;
  listJobs(queue: string | undefined, limit: number): Promise<JobSummary[]>;
  /**
   * The paper sizes the queue's driver offers (its PPD's PageSize choices, `Custom.WIDTHxHEIGHT` when it takes any
   * size); null when the queue has no such list, and then any media is tried.
   */
  media(queue: string): Promise<string[] | null>;
  /** null when the job is unknown (never existed, or dropped from CUPS's history). */
  jobStatus(jobId: string): Promise<JobStatus | null>;
  /** Returns the job id. */
  submit(
    queue: string,
    document: PrintDocument,
    options: { media: string; copies: number; title: string },
  ): Promise<string>;
  cancel(jobId: string): Promise<void>;
  resume(queue: string): Promise<void>;
}
