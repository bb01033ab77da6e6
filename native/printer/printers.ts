/**
 * What every printer backend shares: roles → queues, checks before submitting, following a job to its end, and the
 * test page. The CUPS driver and the simulator differ only in their PrinterBackend, so the simulator exercises the
 * same follow loop the kiosk relies on.
 */
import { open } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import { splitJobId } from './cups-output.ts';
import { PrinterError } from './errors.ts';
import { loadRolePapers, mediaSizeMm } from './roles.ts';
import { makeTestPage } from './test-page.ts';
import { PRINTER_ROLES, type PrinterRole } from '../../contract/domain/printer-roles.ts';
import {
  systemClock,
  type Clock,
  type FollowOptions,
  type JobStatus,
  type PrintDocument,
  type PrinterBackend,
  type Printers,
  type PrintRequest,
  type PrintResult,
  type RolePaper,
  type RolePapers,
  type RoleQueues,
  type SubmittedJob,
} from './types.ts';

export interface PrintersOptions {
  /** Role → queue; a function is asked again on every print, so a config change applies at once. */
  roles: RoleQueues | (() => RoleQueues);
  /** Default: assets/printer/roles.json. */
  papers?: RolePapers;
  clock?: Clock;
  /** How often a followed job is looked at; default 500 ms. */
  pollMs?: number;
}

/**
 * CUPS accepts any printable name without space, tab, "/", "#" or "\"; a leading "-" would read as an option to
 * lp and lpstat.
 */
export const QueueNameSchema = z
  .string()
  .regex(/^(?!-)[^\s/#\\\p{Cc}]{1,127}$/u, 'not a CUPS queue name');

const JobIdSchema = z.string().refine((id) => splitJobId(id) !== null, 'not a CUPS job id such as PDF-12');

const PrintRequestSchema = z.strictObject({
  role: z.enum(PRINTER_ROLES),
  document: z.union([z.string().min(1), z.instanceof(Uint8Array)]),
  copies: z.int().min(1).max(99).optional(),
  title: z.string().max(200).optional(),
  queue: QueueNameSchema.optional(),
});

const FollowSchema = z.object({ timeoutMs: z.int().min(0).max(24 * 3600 * 1000).optional() });

const SubmittedJobSchema = z.strictObject({
  jobId: JobIdSchema,
  queue: QueueNameSchema,
  role: z.enum(PRINTER_ROLES),
  media: z.string(),
  copies: z.int().min(1),
});

/** The PDF header may follow up to 1 KB of junk (PDF 32000 annex H); readers accept that, so do we. */
function looksLikePdf(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 1024)).includes('%PDF-');
}

async function prepareDocument(document: string | Uint8Array): Promise<PrintDocument> {
  if (typeof document !== 'string') {
    if (!looksLikePdf(document)) throw new PrinterError('printer.not-pdf', 'document bytes are not a PDF', {});
    return { bytes: document };
  }
  const path = resolvePath(document);
  const head = new Uint8Array(1024);
  let length: number;
  try {
    const file = await open(path, 'r');
    try {
      ({ bytesRead: length } = await file.read(head, 0, head.length, 0));
    } finally {
      await file.close();
    }
  } catch (err) {
    throw new PrinterError('printer.file-missing', `cannot read ${path}`, { file: path }, { cause: err });
  }
  if (!looksLikePdf(head.subarray(0, length))) {
    throw new PrinterError('printer.not-pdf', `${path} is not a PDF`, { file: path });
  }
  return { path };
}

/** Job names go to the printer's panel and CUPS logs: no control characters. */
function cleanTitle(title: string | undefined, role: PrinterRole): string {
  const clean = (title ?? '').replace(/\p{Cc}+/gu, ' ').trim();
  return clean === '' ? `Doorstep ${role}` : clean;
}

export function createPrinters(backend: PrinterBackend, options: PrintersOptions): Printers {
  const papers = options.papers ?? loadRolePapers();
  const clock = options.clock ?? systemClock;
  const pollMs = options.pollMs ?? 500;
  const roles = (): RoleQueues => (typeof options.roles === 'function' ? options.roles() : options.roles);

  /** Nothing at all installed deserves its own message: the fix is installing a printer, not choosing one. */
  async function noneOr(error: PrinterError): Promise<PrinterError> {
    const all = await backend.listQueues();
    return all.length === 0 ? new PrinterError('printer.none', 'CUPS has no printer queues', {}) : error;
  }

  /** The queue a role prints on, checked to be there, running and accepting jobs. */
  async function readyQueue(role: PrinterRole, override?: string): Promise<{ queue: string; paper: RolePaper }> {
    const queue = override ?? roles()[role];
    if (queue === undefined || queue === '') {
      throw await noneOr(new PrinterError('printer.role-unset', `no queue configured for role ${role}`, { role }));
    }
    parseOrThrow(QueueNameSchema, queue, `queue for role ${role}`);
    const report = await backend.queue(queue);
    if (!report) {
      throw await noneOr(new PrinterError('printer.queue-missing', `queue ${queue} does not exist`, { queue, role }));
    }
    if (!report.accepting) {
      throw new PrinterError('printer.queue-rejecting', `queue ${queue} is not accepting jobs: ${report.message}`, {
        queue,
        role,
        message: report.message,
      });
    }
    if (report.state === 'stopped') {
      throw new PrinterError('printer.queue-stopped', `queue ${queue} is stopped: ${report.message}`, {
        queue,
        role,
        message: report.message,
      });
    }
    return { queue, paper: await mediaFor(role, queue, papers[role]) };
  }

  /**
   * The media keyword to send for the role's paper on this queue: the role's own when the driver lists it (or lists
   * nothing), else the driver's name for the same size, else a custom size where the driver takes any; a queue
   * whose driver has none of these cannot print the role's paper, and nothing is sent.
   */
  async function mediaFor(role: PrinterRole, queue: string, paper: RolePaper): Promise<RolePaper> {
    const offered = await backend.media(queue);
    if (offered === null || offered.includes(paper.media)) return paper;
    const near = (size: [number, number] | null) =>
      size !== null && Math.abs(size[0] - paper.widthMm) <= 0.5 && Math.abs(size[1] - paper.heightMm) <= 0.5;
    const same = offered.find((m) => near(mediaSizeMm(m)));
    if (same) return { ...paper, media: same };
    if (offered.some((m) => m.startsWith('Custom.'))) return { ...paper, media: `Custom.${paper.widthMm}x${paper.heightMm}mm` };
    throw new PrinterError('printer.no-media', `queue ${queue} offers no ${paper.media} (${paper.widthMm}×${paper.heightMm} mm)`, {
      queue,
      role,
      media: paper.media,
      size: `${paper.widthMm}×${paper.heightMm}`,
    });
  }

  async function submitTo(
    role: PrinterRole,
    queue: string,
    paper: RolePaper,
    document: PrintDocument,
    copies: number,
    title: string,
  ): Promise<SubmittedJob> {
    const jobId = await backend.submit(queue, document, { media: paper.media, copies, title });
    return { jobId, queue, role, media: paper.media, copies };
  }

  async function submit(request: PrintRequest): Promise<SubmittedJob> {
    const req = parseOrThrow(PrintRequestSchema, request, 'print request');
    const document = await prepareDocument(req.document);
    const { queue, paper } = await readyQueue(req.role, req.queue);
    return submitTo(req.role, queue, paper, document, req.copies ?? 1, cleanTitle(req.title, req.role));
  }

  async function follow(submitted: SubmittedJob, followOptions: FollowOptions = {}): Promise<PrintResult> {
    const job = parseOrThrow(SubmittedJobSchema, submitted, 'submitted job');
    const { timeoutMs = papers[job.role].timeoutSeconds * 1000 } = parseOrThrow(
      FollowSchema,
      followOptions,
      'follow options',
    );
    const deadline = clock.now() + timeoutMs;
    const params = (status: JobStatus | null) => ({
      jobId: job.jobId,
      queue: job.queue,
      role: job.role,
      state: status?.state ?? 'unknown',
      message: status?.message ?? '',
    });

    /** A failed job must not come out later, when the person it was for has gone. */
    async function withdraw(reason: string): Promise<string> {
      try {
        await backend.cancel(job.jobId);
        return `${reason}; job cancelled`;
      } catch (err) {
        return `${reason}; cancelling it failed too: ${err instanceof Error ? err.message : String(err)}`;
      }
    }

    for (;;) {
      const status = await backend.jobStatus(job.jobId);
      if (!status) {
        throw new PrinterError('printer.job-failed', `CUPS no longer knows job ${job.jobId}`, params(null));
      }
      followOptions.onProgress?.(status);
      switch (status.state) {
        case 'completed':
          return { ...job, state: 'completed' };
        case 'canceled':
          throw new PrinterError('printer.job-canceled', `job ${job.jobId} was cancelled`, params(status));
        case 'aborted':
          throw new PrinterError('printer.job-failed', `job ${job.jobId} aborted: ${status.message}`, params(status));
        case 'stopped':
          // CUPS would retry a stopped job on its own later.
          throw new PrinterError(
            'printer.job-failed',
            await withdraw(`job ${job.jobId} stopped with an error: ${status.message}`),
            params(status),
          );
        case 'pending':
        case 'held': {
          const report = await backend.queue(job.queue);
          if (report?.state === 'stopped') {
            throw new PrinterError(
              'printer.queue-stopped',
              await withdraw(`queue ${job.queue} stopped while job ${job.jobId} waited: ${report.message}`),
              { ...params(status), message: report.message },
            );
          }
          break;
        }
        case 'processing':
          break;
      }
      const left = deadline - clock.now();
      if (left <= 0) {
        throw new PrinterError(
          'printer.timeout',
          await withdraw(`job ${job.jobId} still ${status.state} after ${timeoutMs} ms`),
          { ...params(status), seconds: Math.round(timeoutMs / 1000) },
        );
      }
      await clock.sleep(Math.min(pollMs, left));
    }
  }

  return {
    kind: backend.kind,

    async queues() {
      const mapping = roles();
      return (await backend.listQueues()).map((q) => ({
        ...q,
        roles: PRINTER_ROLES.filter((role) => mapping[role] === q.name),
      }));
    },

    async jobs(queue, limit = 50) {
      if (queue !== undefined) parseOrThrow(QueueNameSchema, queue, 'queue');
      return backend.listJobs(queue, parseOrThrow(z.int().min(0).max(10_000), limit, 'limit'));
    },

    async job(jobId) {
      return backend.jobStatus(parseOrThrow(JobIdSchema, jobId, 'job id'));
    },

    submit,
    follow,

    async print(request, followOptions) {
      return follow(await submit(request), followOptions);
    },

    async cancel(jobId) {
      await backend.cancel(parseOrThrow(JobIdSchema, jobId, 'job id'));
    },

    async resume(queue) {
      await backend.resume(parseOrThrow(QueueNameSchema, queue, 'queue'));
    },

    async printTestPage(role, testOptions = {}) {
      const { queue: override, ...followOptions } = testOptions;
      parseOrThrow(z.enum(PRINTER_ROLES), role, 'role');
      const { queue, paper } = await readyQueue(role, override);
      const bytes = await makeTestPage({ queue, role, paper, printedAt: new Date(clock.now()) });
      return follow(await submitTo(role, queue, paper, { bytes }, 1, '打印测试页'), followOptions);
    },
  };
}
