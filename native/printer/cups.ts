/**
 * The real printer driver: CUPS through its command-line tools, run without a shell under LC_ALL=C so
 * their wording is the one the parsers know. lpstat lists queues and jobs; lp submits; cancel cancels; ipptool reads
 * one job's exact state, which lpstat cannot give (it shows a completed, a cancelled and an aborted job alike).
 * ipptool comes with Debian's cups package (cups → cups-filters → cups-ipp-utils).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  classifyFailure,
  parseAccepting,
  parseDevices,
  parseIppJob,
  parseJobs,
  parsePageSizes,
  parsePrinters,
  parseRequestId,
  splitJobId,
  type CupsFailure,
} from './cups-output.ts';
import { CUPS_INSTALL_LINE, PrinterError, type PrinterErrorCode } from './errors.ts';
import { createPrinters, type PrintersOptions } from './printers.ts';
import type { JobStatus, PrintDocument, PrinterBackend, Printers, QueueReport } from './types.ts';

export interface CommandResult {
  /** Exit status; non-zero is not thrown, the caller reads stderr to decide what it means. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one CUPS tool. Throws PrinterError only when the tool is missing or does not answer in time. */
export type CommandRunner = (command: string, args: string[], input?: Uint8Array) => Promise<CommandResult>;

export function spawnRunner(timeoutMs = 20_000): CommandRunner {
  const env = {
    ...process.env,
    LC_ALL: 'C',
    LANG: 'C',
    // cupsenable and cupsaccept live in /usr/sbin, which a desktop user's PATH often lacks.
    PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin`,
  };
  const missing = (command: string, why: string) =>
    new PrinterError('printer.cups-unavailable', `${command} ${why}`, { command, install: CUPS_INSTALL_LINE });

  return (command, args, input) =>
    new Promise((resolve, reject) => {
      // spawn rather than execFile because execFile drops `detached`: without a controlling terminal, a tool that
      // wants a CUPS password fails at once instead of prompting on the terminal the station was started from.
      // Like execFile, no shell is involved.
      const child = spawn(command, args, { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? missing(command, 'not found: CUPS is not installed') : error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        if (timedOut) return reject(missing(command, `did not finish within ${timeoutMs} ms`));
        resolve({
          code: code ?? 1,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        });
      });
      // A tool that exits before reading all of its input (lp refusing a job) closes the pipe; that is reported
      // through its exit status, and an unhandled EPIPE here would crash the process.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    });
}

export interface CupsOptions {
  run?: CommandRunner;
  /** Where ipptool finds the scheduler: host[:port] or a socket path. Default: $CUPS_SERVER, else the local
   * socket /run/cups/cups.sock, else localhost — what lpstat and lp use unless a client.conf says otherwise. */
  server?: string;
}

const LOCAL_SOCKET = '/run/cups/cups.sock';

function failureCode(kind: CupsFailure, fallback: PrinterErrorCode): PrinterErrorCode {
  switch (kind) {
    case 'unavailable':
      return 'printer.cups-unavailable';
    case 'unknown-queue':
      return 'printer.queue-missing';
    case 'rejecting':
      return 'printer.queue-rejecting';
    case 'forbidden':
      return 'printer.not-permitted';
    default:
      return fallback;
  }
}

function fail(
  result: CommandResult,
  what: string,
  fallback: PrinterErrorCode,
  params: Record<string, string | number> = {},
): PrinterError {
  const detail = result.stderr.trim() || result.stdout.trim() || `exit status ${result.code}`;
  const code = failureCode(classifyFailure(result.stderr), fallback);
  const all: Record<string, string | number> = { ...params, detail };
  if (code === 'printer.cups-unavailable') all.install = CUPS_INSTALL_LINE;
  return new PrinterError(code, `${what}: ${detail}`, all);
}

export function createCupsBackend(options: CupsOptions = {}): PrinterBackend {
  const run = options.run ?? spawnRunner();

  function ippHost(): string {
    const server = options.server ?? process.env.CUPS_SERVER ?? (existsSync(LOCAL_SOCKET) ? LOCAL_SOCKET : 'localhost');
    return server.startsWith('/') ? encodeURIComponent(server) : server;
  }

  /** lpstat output, with "no queues at all" read as an empty answer rather than a failure. */
  async function lpstat(args: string[], params: Record<string, string | number> = {}): Promise<string> {
    const result = await run('lpstat', args);
    if (result.code !== 0 && classifyFailure(result.stderr) !== 'no-destinations') {
      throw fail(result, `lpstat ${args.join(' ')}`, 'printer.cups-unavailable', params);
    }
    return result.stdout;
  }

  function merge(printersText: string, acceptingText: string, devicesText: string): QueueReport[] {
    const { printers, defaultQueue } = parsePrinters(printersText);
    const accepting = parseAccepting(acceptingText);
    const devices = parseDevices(devicesText);
    return printers.map((p) => {
      const acc = accepting.get(p.name);
      return {
        name: p.name,
        state: p.state,
        // A queue lpstat -a does not mention is one it could not ask about; CUPS queues accept by default.
        accepting: acc?.accepting ?? true,
        message: p.message || (acc?.accepting === false ? acc.reason : ''),
        device: devices.get(p.name) ?? null,
        isDefault: p.name === defaultQueue,
        printingJob: p.printingJob,
      };
    });
  }

  return {
    kind: 'cups',

    async listQueues() {
      const [printers, accepting, devices] = await Promise.all([
        lpstat(['-p', '-d']),
        lpstat(['-a']),
        lpstat(['-v']),
      ]);
      return merge(printers, accepting, devices);
    },

    async queue(name) {
      try {
        const [printers, accepting, devices] = await Promise.all([
          lpstat(['-p', name, '-d'], { queue: name }),
          lpstat(['-a', name], { queue: name }),
          lpstat(['-v', name], { queue: name }),
        ]);
        return merge(printers, accepting, devices).find((q) => q.name === name) ?? null;
      } catch (err) {
        if (err instanceof PrinterError && err.code === 'printer.queue-missing') return null;
        throw err;
      }
    },

    async listJobs(queue, limit) {
      const dest = queue === undefined ? [] : [queue];
      const params: Record<string, string> = queue === undefined ? {} : { queue };
      const [active, finished] = await Promise.all([
        lpstat(['-l', '-W', 'not-completed', '-o', ...dest], params),
        lpstat(['-W', 'completed', '-o', ...dest], params),
      ]);
      return [...parseJobs(active, false), ...parseJobs(finished, true).slice(0, limit)];
    },

    async media(queue) {
      const result = await run('lpoptions', ['-p', queue, '-l']);
      if (result.code !== 0) throw fail(result, `lpoptions -p ${queue} -l`, 'printer.cups-unavailable', { queue });
      return parsePageSizes(result.stdout);
    },

    async jobStatus(jobId): Promise<JobStatus | null> {
      const id = splitJobId(jobId);
      if (!id) return null;
      const uri = `ipp://${ippHost()}/jobs/${id.number}`;
      const result = await run('ipptool', ['-T', '10', '-tv', uri, 'get-job-attributes.test']);
      const reply = parseIppJob(`${result.stdout}\n${result.stderr}`);
      switch (reply.kind) {
        case 'job':
          return { jobId, ...reply.status };
        case 'not-found':
          return null;
        case 'no-response':
          throw new PrinterError('printer.cups-unavailable', `ipptool got no answer from CUPS: ${reply.message}`, {
            detail: reply.message,
            install: CUPS_INSTALL_LINE,
          });
        case 'error':
          throw new PrinterError(
            reply.statusCode.includes('forbidden') || reply.statusCode.includes('not-authorized')
              ? 'printer.not-permitted'
              : 'printer.cups-unavailable',
            `Get-Job-Attributes for ${jobId}: ${reply.statusCode} ${reply.message}`,
            { jobId, detail: `${reply.statusCode} ${reply.message}`.trim(), install: CUPS_INSTALL_LINE },
          );
      }
    },

    async submit(queue, document: PrintDocument, { media, copies, title }) {
      const args = ['-d', queue, '-n', String(copies), '-o', `media=${media}`, '-t', title];
      const result =
        'path' in document ? await run('lp', [...args, document.path]) : await run('lp', args, document.bytes);
      if (result.code !== 0) {
        if (/unable to access|No such file/i.test(result.stderr) && 'path' in document) {
          throw new PrinterError('printer.file-missing', `lp cannot read ${document.path}: ${result.stderr.trim()}`, {
            file: document.path,
          });
        }
        throw fail(result, `lp -d ${queue}`, 'printer.job-failed', { queue });
      }
      const jobId = parseRequestId(result.stdout);
      if (!jobId) {
        throw new PrinterError('printer.job-failed', `lp printed no job id: ${result.stdout.trim()}`, {
          queue,
          detail: result.stdout.trim(),
        });
      }
      return jobId;
    },

    async cancel(jobId) {
      const result = await run('cancel', [jobId]);
      // A job that already ended (or was dropped from the history) needs no cancelling.
      const ended = /already (completed|canceled|aborted)|can't cancel|does not exist/i.test(result.stderr);
      if (result.code === 0 || ended) return;
      throw fail(result, `cancel ${jobId}`, 'printer.cups-unavailable', { jobId });
    },

    async resume(queue) {
      for (const command of ['cupsenable', 'cupsaccept']) {
        const result = await run(command, [queue]);
        if (result.code !== 0) throw fail(result, `${command} ${queue}`, 'printer.cups-unavailable', { queue });
      }
    },
  };
}

/** The real driver: Printers over CUPS on this machine. */
export function createCupsPrinters(options: PrintersOptions & CupsOptions): Printers {
  const { run, server, ...rest } = options;
  return createPrinters(createCupsBackend({ run, server }), rest);
}
