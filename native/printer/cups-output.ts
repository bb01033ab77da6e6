/**
 * Parsers for what the CUPS command-line tools print under LC_ALL=C. All are total: any text gives a result (lines
 * they do not recognise are skipped), because a parser that throws on an odd line would take the whole device page
 * down over one queue. Samples recorded from CUPS 2.4.2 are in tests/native/printer/fixtures/.
 */
import type { JobState, JobStatus, JobSummary, QueueState } from './types.ts';

export interface PrinterLine {
  name: string;
  state: QueueState;
  message: string;
  printingJob: string | null;
}

/** CUPS prints this placeholder when a queue is stopped or rejecting without a reason. */
const NO_REASON = 'reason unknown';

function detailLines(lines: string[], from: number): { text: string; next: number } {
  const parts: string[] = [];
  let i = from;
  while (i < lines.length && /^[\t ]/.test(lines[i] ?? '')) {
    parts.push((lines[i] ?? '').trim());
    i++;
  }
  const text = parts.filter((p) => p !== '' && p !== NO_REASON).join(' ');
  return { text, next: i };
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * `lpstat -p -d`:
 *   printer PDF is idle.  enabled since Sun Nov 22 19:12:51 2026
 *   printer PDF now printing PDF-13.  enabled since …
 *   printer PDF disabled since … -
 *   <tab>reason or last message
 *   system default destination: PDF | no system default destination
 */
export function parsePrinters(text: string): { printers: PrinterLine[]; defaultQueue: string | null } {
  const lines = splitLines(text);
  const printers: PrinterLine[] = [];
  let defaultQueue: string | null = null;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    i++;
    const def = /^system default destination: (\S+)/.exec(line);
    if (def) {
      // A default may be an instance ("PDF/duplex"); the queue is the part before the slash.
      defaultQueue = (def[1] ?? '').split('/')[0] ?? null;
      continue;
    }
    const head = /^printer (\S+) (.*)$/.exec(line);
    if (!head) continue;
    const rest = head[2] ?? '';
    const printing = /^now printing (\S+?)\.?(?:\s|$)/.exec(rest);
    const state: QueueState = /^disabled\b/.test(rest) ? 'stopped' : printing ? 'printing' : 'idle';
    const detail = detailLines(lines, i);
    i = detail.next;
    printers.push({ name: head[1] ?? '', state, message: detail.text, printingJob: printing?.[1] ?? null });
  }
  return { printers, defaultQueue };
}

/**
 * `lpstat -a`:
 *   PDF accepting requests since …
 *   PDF not accepting requests since … -
 *   <tab>reason
 */
export function parseAccepting(text: string): Map<string, { accepting: boolean; reason: string }> {
  const lines = splitLines(text);
  const result = new Map<string, { accepting: boolean; reason: string }>();
  let i = 0;
  while (i < lines.length) {
    const match = /^(\S+) (not )?accepting requests\b/.exec(lines[i] ?? '');
    i++;
    if (!match) continue;
    const detail = detailLines(lines, i);
    i = detail.next;
    result.set(match[1] ?? '', { accepting: match[2] === undefined, reason: detail.text });
  }
  return result;
}

/** Drops user:password from a device URI (smb://user:secret@host/queue): the device page shows it. */
export function redactDeviceUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** `lpstat -v`: `device for PDF: cups-pdf:/`. */
export function parseDevices(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of splitLines(text)) {
    const match = /^device for (\S+?): (.*)$/.exec(line);
    if (match) result.set(match[1] ?? '', redactDeviceUri((match[2] ?? '').trim()));
  }
  return result;
}

/** Splits a job id such as "My-Printer-12" into queue and number (queue names may contain dashes). */
export function splitJobId(jobId: string): { queue: string; number: number } | null {
  const match = /^(\S+)-(\d{1,9})$/.exec(jobId);
  return match ? { queue: match[1] ?? '', number: Number(match[2]) } : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** lpstat prints local time in the C locale's %c form: "Sun Nov 22 19:18:35 2026". */
function localTime(text: string): number | null {
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(text.trim());
  const month = MONTHS.indexOf(m?.[1] ?? '');
  if (!m || month < 0) return null;
  const [day, hour, minute, second, year] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
  return new Date(year ?? 0, month, day, hour, minute, second).getTime();
}

function listedState(reasons: string[]): JobSummary['state'] {
  if (reasons.includes('job-printing')) return 'processing';
  if (reasons.some((r) => r.startsWith('job-hold') || r.startsWith('job-held'))) return 'held';
  if (reasons.some((r) => r === 'job-completed-with-errors' || r.endsWith('-error'))) return 'stopped';
  return 'pending';
}

/**
 * `lpstat [-l] -W not-completed|completed -o`:
 *   PDF-13                  root           1542144   Sun Nov 22 19:18:35 2026
 *   <tab>Status: what the printer said        (-l only)
 *   <tab>Alerts: job-printing                  (-l only; job-state-reasons)
 *   <tab>queued for PDF                        (-l only)
 * The user column is empty when CUPS hides other users' names.
 */
export function parseJobs(text: string, finished: boolean): JobSummary[] {
  const lines = splitLines(text);
  const jobs: JobSummary[] = [];
  let i = 0;
  while (i < lines.length) {
    const match = /^(\S+-\d{1,9})\s+(?:(\S+)\s+)?(\d+)\s+(\S.*)$/.exec(lines[i] ?? '');
    i++;
    if (!match) continue;
    const jobId = match[1] ?? '';
    let queue = splitJobId(jobId)?.queue ?? '';
    let message = '';
    let reasons: string[] = [];
    while (i < lines.length && /^[\t ]/.test(lines[i] ?? '')) {
      const detail = (lines[i] ?? '').trim();
      i++;
      const status = /^Status:\s*(.*)$/.exec(detail);
      const alerts = /^Alerts:\s*(.*)$/.exec(detail);
      const queued = /^queued for (\S+)/.exec(detail);
      if (status) message = status[1] ?? '';
      else if (alerts) reasons = (alerts[1] ?? '').split(/[\s,]+/).filter((r) => r !== '' && r !== 'none');
      else if (queued) queue = queued[1] ?? queue;
    }
    jobs.push({
      jobId,
      queue,
      user: match[2] ?? '',
      bytes: Number(match[3]),
      at: localTime(match[4] ?? ''),
      state: finished ? 'finished' : listedState(reasons),
      message,
    });
  }
  return jobs;
}

/** `lp`: `request id is PDF-17 (1 file(s))`. */
export function parseRequestId(text: string): string | null {
  return /\brequest id is (\S+-\d{1,9})\b/.exec(text)?.[1] ?? null;
}

const IPP_JOB_STATES: Record<string, JobState> = {
  pending: 'pending',
  'pending-held': 'held',
  processing: 'processing',
  'processing-stopped': 'stopped',
  canceled: 'canceled',
  aborted: 'aborted',
  completed: 'completed',
  // ipptool prints the number when it does not know the name.
  '3': 'pending',
  '4': 'held',
  '5': 'processing',
  '6': 'stopped',
  '7': 'canceled',
  '8': 'aborted',
  '9': 'completed',
};

export type IppJobReply =
  | { kind: 'job'; status: Omit<JobStatus, 'jobId'> }
  | { kind: 'not-found' }
  | { kind: 'error'; statusCode: string; message: string }
  /** ipptool got no IPP answer at all (scheduler down, connection refused). */
  | { kind: 'no-response'; message: string };

/**
 * `ipptool -tv ipp://…/jobs/N get-job-attributes.test`: the request is echoed first, then after "RECEIVED:" the
 * response, one attribute a line: `        job-state (enum) = processing-stopped`.
 */
export function parseIppJob(text: string): IppJobReply {
  const lines = splitLines(text);
  const received = lines.findIndex((l) => /^\s*RECEIVED:/.test(l));
  if (received < 0) {
    return { kind: 'no-response', message: lines.map((l) => l.trim()).filter(Boolean).join(' ').slice(0, 500) };
  }
  const attrs = new Map<string, string>();
  let statusCode = '';
  for (const line of lines.slice(received + 1)) {
    const status = /^\s*status-code = (\S+)/.exec(line);
    if (status) {
      statusCode = status[1] ?? '';
      continue;
    }
    const attr = /^\s+([a-z][a-z0-9-]*) \([^)]*\) =(?: (.*))?$/.exec(line);
    if (attr && !attrs.has(attr[1] ?? '')) attrs.set(attr[1] ?? '', attr[2] ?? '');
  }
  const state = IPP_JOB_STATES[attrs.get('job-state') ?? ''];
  if (statusCode.startsWith('successful') && state) {
    const reasons = (attrs.get('job-state-reasons') ?? '').split(',').map((r) => r.trim());
    return {
      kind: 'job',
      status: {
        state,
        reasons: reasons.filter((r) => r !== '' && r !== 'none'),
        message: (attrs.get('job-printer-state-message') ?? '').trim(),
      },
    };
  }
  if (statusCode === 'client-error-not-found') return { kind: 'not-found' };
  return { kind: 'error', statusCode: statusCode || 'unknown', message: attrs.get('status-message') ?? '' };
}

export type CupsFailure = 'unavailable' | 'no-destinations' | 'unknown-queue' | 'rejecting' | 'forbidden' | 'other';

/** What a failed CUPS command's stderr means. */
export function classifyFailure(stderr: string): CupsFailure {
  if (/Scheduler is not running|Unable to connect|Connection refused|Host is down|service-unavailable/i.test(stderr)) {
    return 'unavailable';
  }
  if (/No destinations added/i.test(stderr)) return 'no-destinations';
  if (/Invalid destination name|Unknown destination|printer or class does not exist|error-not-found/i.test(stderr)) {
    return 'unknown-queue';
  }
  if (/not accepting jobs/i.test(stderr)) return 'rejecting';
  if (/Forbidden|not-authorized|not authorized|Operation not permitted|Unauthorized/i.test(stderr)) {
    return 'forbidden';
  }
  return 'other';
}

/**
 * `lpoptions -p QUEUE -l`: the PageSize (or PageRegion) line's choices, the default's `*` taken off, e.g.
 *   PageSize/Page Size: Custom.WIDTHxHEIGHT 4x6 *A4 Letter
 * null when no such line is there (a raw queue with no PPD).
 */
export function parsePageSizes(text: string): string[] | null {
  for (const name of ['PageSize', 'PageRegion']) {
    const line = splitLines(text).find((l) => l.startsWith(`${name}/`) || l.startsWith(`${name}:`));
    if (line === undefined) continue;
    const colon = line.indexOf(': ');
    const choices = colon < 0 ? [] : line.slice(colon + 2).split(/\s+/);
    return choices.map((c) => c.replace(/^\*/, '')).filter((c) => c !== '');
  }
  return null;
}
