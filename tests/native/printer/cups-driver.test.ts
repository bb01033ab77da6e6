/**
 * The CUPS driver against recorded tool output: which commands it runs with which arguments, and how it reads
 * their answers and failures. The real thing is exercised in cups-e2e.test.ts.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createCupsBackend, spawnRunner, type CommandResult } from '../../../native/printer/cups.ts';
import { CUPS_INSTALL_LINE } from '../../../native/printer/errors.ts';
import { createPrinters } from '../../../native/printer/printers.ts';
import { manualClock } from '../../../native/printer/simulator.ts';
import { expectPrinterError, fixture } from './helpers.ts';

const ok = (stdout: string): CommandResult => ({ code: 0, stdout, stderr: '' });
const failed = (stderr: string, stdout = ''): CommandResult => ({ code: 1, stdout, stderr });

interface Call {
  command: string;
  args: string[];
  input?: Uint8Array;
}

/** A runner that answers from a script: each handler gets the call and returns what the tool printed. */
function scripted(answer: (call: Call) => CommandResult | undefined) {
  const calls: Call[] = [];
  const run = async (command: string, args: string[], input?: Uint8Array) => {
    const call = { command, args, input };
    calls.push(call);
    const result = answer(call);
    if (!result) throw new Error(`unexpected call: ${command} ${args.join(' ')}`);
    return result;
  };
  return { run, calls };
}

/** A healthy single PDF queue, as lpstat describes it, with cups-pdf's driver and its paper sizes. */
function idleQueue(call: Call): CommandResult | undefined {
  if (call.command === 'lpoptions') return ok(fixture('lpoptions-l.cups-pdf.txt'));
  if (call.command !== 'lpstat') return undefined;
  if (call.args[0] === '-p') return ok('printer PDF is idle.  enabled since Sun Nov 22 19:18:43 2026\nno system default destination\n');
  if (call.args[0] === '-a') return ok('PDF accepting requests since Sun Nov 22 19:18:43 2026\n');
  if (call.args[0] === '-v') return ok('device for PDF: cups-pdf:/\n');
  return undefined;
}

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return doc.save();
}

describe('CUPS driver', () => {
  it('merges lpstat -p -d, -a and -v into one queue list', async () => {
    const { run } = scripted(({ command, args }) => {
      if (command !== 'lpstat') return undefined;
      if (args.join(' ') === '-p -d') return ok(fixture('lpstat-p-d.several.txt'));
      if (args.join(' ') === '-a') return ok(fixture('lpstat-a.several.txt'));
      if (args.join(' ') === '-v') return ok(fixture('lpstat-v.several.txt'));
      return undefined;
    });
    const queue = { message: '', device: 'cups-pdf:/', printingJob: null };
    expect(await createCupsBackend({ run }).listQueues()).toEqual([
      { ...queue, name: 'PDF', state: 'idle', accepting: true, isDefault: false },
      { ...queue, name: 'Photo_4x6', state: 'idle', accepting: true, isDefault: true },
      { ...queue, name: 'Receipt-58', state: 'stopped', accepting: false, isDefault: false },
    ]);
  });

  it('reads "no destinations" as no queues, and a missing queue as null', async () => {
    const { run } = scripted(({ command, args }) => {
      if (command !== 'lpstat') return undefined;
      if (args.length === 2 && args[0] === '-p') return failed('lpstat: No destinations added.\n', fixture('lpstat-p-d.none.txt'));
      if (args.length === 1) return failed('lpstat: No destinations added.\n');
      return failed('lpstat: Invalid destination name in list "NOPE".\n');
    });
    const backend = createCupsBackend({ run });
    expect(await backend.listQueues()).toEqual([]);
    expect(await backend.queue('NOPE')).toBeNull();
  });

  it('turns a scheduler that is not running into printer.cups-unavailable with the install line', async () => {
    const { run } = scripted(() => failed('lpstat: Scheduler is not running.\n', 'no system default destination\n'));
    const printers = createPrinters(createCupsBackend({ run }), { roles: { a4: 'PDF' } });
    const error = await expectPrinterError(printers.queues(), 'printer.cups-unavailable');
    expect(error.params.install).toBe(CUPS_INSTALL_LINE);
    await expectPrinterError(printers.print({ role: 'a4', document: await pdf() }), 'printer.cups-unavailable');
  });

  it('submits a file path or bytes with the role’s media, copies and title', async () => {
    const { run, calls } = scripted((call) => (call.command === 'lp' ? ok(fixture('lp.request-id.txt')) : idleQueue(call)));
    const backend = createCupsBackend({ run });
    const bytes = await pdf();
    expect(await backend.submit('PDF', { bytes }, { media: '4x6', copies: 2, title: '一寸照片' })).toBe('PDF-12');
    expect(await backend.submit('PDF', { path: '/tmp/a.pdf' }, { media: 'A4', copies: 1, title: 't' })).toBe('PDF-12');
    expect(calls).toEqual([
      { command: 'lp', args: ['-d', 'PDF', '-n', '2', '-o', 'media=4x6', '-t', '一寸照片'], input: bytes },
      { command: 'lp', args: ['-d', 'PDF', '-n', '1', '-o', 'media=A4', '-t', 't', '/tmp/a.pdf'], input: undefined },
    ]);
  });

  it.each([
    ['lp: Destination "PDF" is not accepting jobs.', 'printer.queue-rejecting'],
    ['lp: Error - The printer or class does not exist.', 'printer.queue-missing'],
    ['lp: Error - unable to access "/tmp/a.pdf" - No such file or directory', 'printer.file-missing'],
    ['lp: Error - something nobody has seen', 'printer.job-failed'],
  ] as const)('maps lp saying %j to %s', async (stderr, code) => {
    const { run } = scripted(({ command }) => (command === 'lp' ? failed(stderr) : undefined));
    await expectPrinterError(
      createCupsBackend({ run }).submit('PDF', { path: '/tmp/a.pdf' }, { media: 'A4', copies: 1, title: 't' }),
      code,
    );
  });

  it('asks ipptool for the exact job state, through the local socket', async () => {
    const { run, calls } = scripted(({ command }) => (command === 'ipptool' ? ok(fixture('ipptool-job.canceled.txt')) : undefined));
    expect(await createCupsBackend({ run, server: '/run/cups/cups.sock' }).jobStatus('PDF-10')).toEqual({
      jobId: 'PDF-10',
      state: 'canceled',
      reasons: ['processing-to-stop-point'],
      message: '',
    });
    expect(calls[0]?.args).toEqual(['-T', '10', '-tv', 'ipp://%2Frun%2Fcups%2Fcups.sock/jobs/10', 'get-job-attributes.test']);
  });

  it('follows a job through processing to completion', async () => {
    const states = ['ipptool-job.pending.txt', 'ipptool-job.processing.txt', 'ipptool-job.completed.txt'];
    const { run, calls } = scripted((call) => {
      if (call.command === 'lp') return ok('request id is PDF-13 (0 file(s))\n');
      if (call.command === 'ipptool') return ok(fixture(states.shift() ?? 'ipptool-job.completed.txt'));
      return idleQueue(call);
    });
    const clock = manualClock();
    const printers = createPrinters(createCupsBackend({ run, server: 'localhost' }), { roles: { photo: 'PDF' }, clock });
    expect(await printers.print({ role: 'photo', document: await pdf() })).toEqual({
      jobId: 'PDF-13',
      queue: 'PDF',
      role: 'photo',
      // cups-pdf's driver lists no 4x6 but takes custom sizes: the 6-inch paper is asked for by its size.
      media: 'Custom.101.6x152.4mm',
      copies: 1,
      state: 'completed',
    });
    expect(calls.filter((c) => c.command === 'ipptool')).toHaveLength(3);
    expect(clock.now()).toBe(1000);
  });

  it('cancels a job CUPS stopped with an error, so it does not print later', async () => {
    const { run, calls } = scripted((call) => {
      if (call.command === 'lp') return ok('request id is PDF-15 (0 file(s))\n');
      if (call.command === 'ipptool') return ok(fixture('ipptool-job.stopped-with-errors.txt'));
      if (call.command === 'cancel') return ok('');
      return idleQueue(call);
    });
    const printers = createPrinters(createCupsBackend({ run }), { roles: { a4: 'PDF' }, clock: manualClock() });
    const error = await expectPrinterError(printers.print({ role: 'a4', document: await pdf() }), 'printer.job-failed');
    expect(error.params.message).toMatch(/^loadFilename failed/);
    expect(error.message).toMatch(/job cancelled$/);
    expect(calls.find((c) => c.command === 'cancel')?.args).toEqual(['PDF-15']);
  });

  it('fails a waiting job when lpstat shows its queue stopped', async () => {
    let stopped = false;
    const { run, calls } = scripted((call) => {
      if (call.command === 'lp') {
        stopped = true;
        return ok('request id is PDF-10 (0 file(s))\n');
      }
      if (call.command === 'ipptool') return ok(fixture('ipptool-job.pending.txt'));
      if (call.command === 'cancel') return failed("cancel: cancel-job failed: Job #10 is already completed - can't cancel.\n");
      if (call.command === 'lpstat' && call.args[0] === '-p' && stopped) return ok(fixture('lpstat-p-d.stopped.txt'));
      return idleQueue(call);
    });
    const printers = createPrinters(createCupsBackend({ run }), { roles: { a4: 'PDF' }, clock: manualClock() });
    const error = await expectPrinterError(printers.print({ role: 'a4', document: await pdf() }), 'printer.queue-stopped');
    expect(error.params).toMatchObject({ queue: 'PDF', jobId: 'PDF-10', message: 'Paused by technician' });
    expect(calls.some((c) => c.command === 'cancel')).toBe(true);
  });

  it('fails when CUPS forgets the job, or stops answering', async () => {
    const replies = [fixture('ipptool-job.not-found.txt'), 'ipptool: Unable to connect to "localhost" on port 631 - Host is down\n'];
    const { run } = scripted(({ command }) => (command === 'ipptool' ? failed('', replies.shift()) : undefined));
    const printers = createPrinters(createCupsBackend({ run }), { roles: {} });
    const job = { jobId: 'PDF-99999', queue: 'PDF', role: 'a4', media: 'A4', copies: 1 } as const;
    await expectPrinterError(printers.follow(job), 'printer.job-failed');
    await expectPrinterError(printers.follow(job), 'printer.cups-unavailable');
  });

  it('treats cancelling a finished job as done', async () => {
    const { run } = scripted(() => failed("cancel: cancel-job failed: Job #7 is already completed - can't cancel.\n"));
    await expect(createCupsBackend({ run }).cancel('PDF-7')).resolves.toBeUndefined();
  });

  it('resumes a queue with cupsenable and cupsaccept, and says when that is not allowed', async () => {
    const { run, calls } = scripted(() => ok(''));
    await createCupsBackend({ run }).resume('PDF');
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([
      ['cupsenable', 'PDF'],
      ['cupsaccept', 'PDF'],
    ]);
    const denied = scripted(() => failed('cupsenable: Operation failed: client-error-forbidden\n'));
    await expectPrinterError(createCupsBackend({ run: denied.run }).resume('PDF'), 'printer.not-permitted');
  });
});

describe('command runner', () => {
  const run = spawnRunner();

  it('runs tools in the C locale with sbin on the PATH, in their own session', async () => {
    const result = await run('sh', ['-c', 'echo "$LC_ALL $LANG"; echo "$PATH"; ps -o sid= -p $$; echo $$']);
    const [locale, path, sid, pid] = result.stdout.split('\n').map((l) => l.trim());
    expect(locale).toBe('C C');
    expect(path?.split(':')).toContain('/usr/sbin');
    // A new session has no controlling terminal, so nothing can prompt for a password.
    expect(sid).toBe(pid);
  });

  it('feeds bytes on stdin and reports a non-zero exit without throwing', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 打印');
    expect((await run('cat', [], bytes)).stdout).toBe('%PDF-1.7 打印');
    expect(await run('sh', ['-c', 'echo out; echo oops >&2; exit 3'])).toEqual({ code: 3, stdout: 'out\n', stderr: 'oops\n' });
  });

  it('survives a tool that exits without reading its input', async () => {
    expect((await run('true', [], new Uint8Array(4 * 1024 * 1024))).code).toBe(0);
  });

  it('turns a missing tool or a hung one into printer.cups-unavailable', async () => {
    const missing = await expectPrinterError(run('doorstep-no-such-cups-tool', []), 'printer.cups-unavailable');
    expect(missing.params.install).toBe(CUPS_INSTALL_LINE);
    await expectPrinterError(spawnRunner(200)('sleep', ['30']), 'printer.cups-unavailable');
  });
});
