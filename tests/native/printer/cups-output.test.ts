import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  parseAccepting,
  parseDevices,
  parseIppJob,
  parseJobs,
  parsePageSizes,
  parsePrinters,
  parseRequestId,
  redactDeviceUri,
  splitJobId,
} from '../../../native/printer/cups-output.ts';
import { fixture } from './helpers.ts';

describe('lpstat -p -d', () => {
  it('reads an idle queue that has no default', () => {
    expect(parsePrinters(fixture('lpstat-p-d.idle-with-message.txt'))).toEqual({
      printers: [
        {
          name: 'PDF',
          state: 'idle',
          message:
            'loadFilename failed: /var/spool/cups/d00015-001: unable to find trailer dictionary while recovering damaged file',
          printingJob: null,
        },
      ],
      defaultQueue: null,
    });
  });

  it('reads the job a queue is printing', () => {
    expect(parsePrinters(fixture('lpstat-p-d.printing.txt')).printers).toEqual([
      { name: 'PDF', state: 'printing', message: '', printingJob: 'PDF-13' },
    ]);
  });

  it('reads a stopped queue with its reason', () => {
    expect(parsePrinters(fixture('lpstat-p-d.stopped.txt')).printers).toEqual([
      { name: 'PDF', state: 'stopped', message: 'Paused by technician', printingJob: null },
    ]);
  });

  it('reads several queues and the default, dropping CUPS’s "reason unknown" placeholder', () => {
    expect(parsePrinters(fixture('lpstat-p-d.several.txt'))).toEqual({
      printers: [
        { name: 'PDF', state: 'idle', message: '', printingJob: null },
        { name: 'Photo_4x6', state: 'idle', message: '', printingJob: null },
        { name: 'Receipt-58', state: 'stopped', message: '', printingJob: null },
      ],
      defaultQueue: 'Photo_4x6',
    });
  });

  it('reads "no queues at all" as an empty list', () => {
    expect(parsePrinters(fixture('lpstat-p-d.none.txt'))).toEqual({ printers: [], defaultQueue: null });
  });

  it('takes the queue of a default instance', () => {
    expect(parsePrinters('system default destination: PDF/duplex\n').defaultQueue).toBe('PDF');
  });
});

describe('lpstat -a and -v', () => {
  it('reads accepting and rejecting queues with the reason', () => {
    expect(parseAccepting(fixture('lpstat-a.rejecting.txt'))).toEqual(
      new Map([['PDF', { accepting: false, reason: 'Closed for maintenance' }]]),
    );
    expect(parseAccepting(fixture('lpstat-a.several.txt'))).toEqual(
      new Map([
        ['PDF', { accepting: true, reason: '' }],
        ['Photo_4x6', { accepting: true, reason: '' }],
        ['Receipt-58', { accepting: false, reason: '' }],
      ]),
    );
  });

  it('reads device URIs', () => {
    expect(parseDevices(fixture('lpstat-v.several.txt'))).toEqual(
      new Map([
        ['PDF', 'cups-pdf:/'],
        ['Photo_4x6', 'cups-pdf:/'],
        ['Receipt-58', 'cups-pdf:/'],
      ]),
    );
  });

  it('never shows a password from a device URI', () => {
    expect(parseDevices('device for Office: smb://clerk:s3cret@town-hall/laser\n').get('Office')).toBe(
      'smb://town-hall/laser',
    );
    expect(redactDeviceUri('usb://HP/LaserJet%20P1108?serial=000000000Q8')).toBe(
      'usb://HP/LaserJet%20P1108?serial=000000000Q8',
    );
  });
});

describe('lpstat -o', () => {
  it('reads unfinished jobs with their state from the alerts', () => {
    expect(parseJobs(fixture('lpstat-l-not-completed.printing.txt'), false)).toEqual([
      {
        jobId: 'PDF-13',
        queue: 'PDF',
        user: 'root',
        bytes: 1542144,
        at: new Date(2026, 10, 22, 19, 18, 35).getTime(),
        state: 'processing',
        message: '',
      },
      {
        jobId: 'PDF-14',
        queue: 'PDF',
        user: 'root',
        bytes: 1024,
        at: new Date(2026, 10, 22, 19, 18, 36).getTime(),
        state: 'pending',
        message: '',
      },
    ]);
    expect(parseJobs(fixture('lpstat-l-not-completed.stopped.txt'), false).map((j) => j.state)).toEqual([
      'pending',
      'held',
      'pending',
    ]);
    const [failed] = parseJobs(fixture('lpstat-l-not-completed.filter-error.txt'), false);
    expect(failed?.state).toBe('stopped');
    expect(failed?.message).toMatch(/^loadFilename failed/);
  });

  it('reads the short form too', () => {
    expect(parseJobs(fixture('lpstat-not-completed.printing.txt'), false).map((j) => [j.jobId, j.state])).toEqual([
      ['PDF-13', 'pending'],
      ['PDF-14', 'pending'],
    ]);
  });

  it('calls every finished job finished, since lpstat cannot tell completed from cancelled', () => {
    const short = parseJobs(fixture('lpstat-completed.txt'), true);
    const long = parseJobs(fixture('lpstat-l-completed.txt'), true);
    expect(short.map((j) => j.jobId)).toEqual(['PDF-15', 'PDF-13', 'PDF-14', 'PDF-10', 'PDF-11', 'PDF-12', 'PDF-9', 'PDF-8', 'PDF-7']);
    expect(long.map((j) => j.jobId)).toEqual(short.map((j) => j.jobId));
    expect(new Set(long.map((j) => j.state))).toEqual(new Set(['finished']));
  });

  it('reads a job whose user CUPS hides, and queue names with dashes (synthetic sample)', () => {
    expect(parseJobs('Receipt-58-7              2048   Mon Nov  2 09:05:01 2026\n', false)).toEqual([
      {
        jobId: 'Receipt-58-7',
        queue: 'Receipt-58',
        user: '',
        bytes: 2048,
        at: new Date(2026, 10, 2, 9, 5, 1).getTime(),
        state: 'pending',
        message: '',
      },
    ]);
    expect(splitJobId('Receipt-58-7')).toEqual({ queue: 'Receipt-58', number: 7 });
    expect(splitJobId('PDF')).toBeNull();
  });
});

describe('lp and ipptool', () => {
  it('reads the request id lp prints', () => {
    expect(parseRequestId(fixture('lp.request-id.txt'))).toBe('PDF-12');
    expect(parseRequestId('request id is PDF-17 (0 file(s))\n')).toBe('PDF-17');
    expect(parseRequestId('lp: Error - The printer or class does not exist.\n')).toBeNull();
  });

  it.each([
    ['pending', 'pending', [], ''],
    ['held', 'held', ['job-hold-until-specified'], ''],
    ['processing', 'processing', ['job-printing'], ''],
    ['completed', 'completed', ['processing-to-stop-point'], ''],
    ['canceled', 'canceled', ['processing-to-stop-point'], ''],
    [
      'stopped-with-errors',
      'stopped',
      ['job-completed-with-errors'],
      'loadFilename failed: /var/spool/cups/d00015-001: unable to find trailer dictionary while recovering damaged file',
    ],
  ])('reads the exact state of a %s job', (name, state, reasons, message) => {
    expect(parseIppJob(fixture(`ipptool-job.${name}.txt`))).toEqual({ kind: 'job', status: { state, reasons, message } });
  });

  it('tells an unknown job from a scheduler that does not answer', () => {
    expect(parseIppJob(fixture('ipptool-job.not-found.txt'))).toEqual({ kind: 'not-found' });
    expect(parseIppJob('ipptool: Unable to connect to "localhost" on port 631 - Host is down\n')).toEqual({
      kind: 'no-response',
      message: 'ipptool: Unable to connect to "localhost" on port 631 - Host is down',
    });
  });

  it.each([
    ['lpstat: Scheduler is not running.', 'unavailable'],
    ['cancel: Unable to connect to server.', 'unavailable'],
    ['lpstat: No destinations added.', 'no-destinations'],
    ['lpstat: Invalid destination name in list "NOPE".', 'unknown-queue'],
    ['lp: Error - The printer or class does not exist.', 'unknown-queue'],
    ['cupsenable: Operation failed: client-error-not-found', 'unknown-queue'],
    ['lp: Destination "PDF" is not accepting jobs.', 'rejecting'],
    ['cupsenable: Operation failed: client-error-forbidden', 'forbidden'],
    ['lp: something new', 'other'],
  ] as const)('classifies %j as %s', (stderr, kind) => {
    expect(classifyFailure(stderr)).toBe(kind);
  });
});

describe('lpoptions -l', () => {
  it('reads the paper sizes a driver offers, the default unmarked, custom sizes kept', () => {
    const sizes = parsePageSizes(fixture('lpoptions-l.cups-pdf.txt'));
    expect(sizes).toContain('A4');
    expect(sizes).toContain('Custom.WIDTHxHEIGHT');
    expect(sizes).not.toContain('4x6');
    expect(sizes?.some((s) => s.startsWith('*'))).toBe(false);
    expect(parsePageSizes('PageSize/Media Size: w288h432 *4x6 4x6.Fullbleed\nColorModel/Color: *RGB\n')).toEqual(['w288h432', '4x6', '4x6.Fullbleed']);
    expect(parsePageSizes('PageRegion/Region: *A4 Letter\n')).toEqual(['A4', 'Letter']);
  });

  it('says a queue with no PPD has no list rather than an empty one', () => {
    expect(parsePageSizes('')).toBeNull();
    expect(parsePageSizes('Resolution/Output Resolution: *300dpi\n')).toBeNull();
  });

  it('reads back any list of sizes written the way lpoptions writes it', () => {
    const keyword = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._x-]{0,20}$/);
    fc.assert(
      fc.property(fc.uniqueArray(keyword, { minLength: 1, maxLength: 30 }), fc.nat(), (sizes, d) => {
        const marked = sizes.map((s, i) => (i === d % sizes.length ? `*${s}` : s));
        expect(parsePageSizes(`Resolution/Output Resolution: *300dpi\nPageSize/Page Size: ${marked.join(' ')}\n`)).toEqual(sizes);
      }),
    );
  });
});

describe('robustness', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    // Real lines shuffled with noise reach deeper into the parsers than random characters do.
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...[
              'lpstat-p-d.several.txt',
              'lpstat-l-not-completed.stopped.txt',
              'lpstat-a.several.txt',
              'ipptool-job.completed.txt',
              'lpoptions-l.cups-pdf.txt',
            ].flatMap((f) => fixture(f).split('\n')),
            'RECEIVED: 0 bytes in response',
            'printer  now printing .',
            'system default destination: ',
            '\t',
          ),
          fc.string({ maxLength: 60 }),
        ),
        { maxLength: 40 },
      )
      .map((lines) => lines.join('\n')),
  );

  it('no parser throws on any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parsePrinters(text);
        parseAccepting(text);
        parseDevices(text);
        parseJobs(text, false);
        parseJobs(text, true);
        parseRequestId(text);
        parseIppJob(text);
        parsePageSizes(text);
        classifyFailure(text);
      }),
      { numRuns: 2000 },
    );
  });

  const queueName = fc.stringMatching(/^[A-Za-z0-9_.@+\u4e00-\u4e20][A-Za-z0-9_.@+\u4e00-\u4e20-]{0,30}$/);
  const message = fc
    .string({ maxLength: 80 })
    .map((s) => s.replace(/[\r\n]/g, ' ').trim())
    .filter((s) => s !== 'reason unknown');
  const since = 'enabled since Sun Nov 22 19:12:51 2026';

  it('reads back any set of queues written the way lpstat writes them', () => {
    const queue = fc.record({
      name: queueName,
      state: fc.constantFrom('idle', 'printing', 'stopped'),
      message,
      job: fc.integer({ min: 1, max: 999_999 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(queue, { selector: (q) => q.name, maxLength: 6 }), fc.nat(), (queues, pick) => {
        const defaultQueue = queues.length > 0 ? (queues[pick % queues.length]?.name ?? null) : null;
        const text = [
          ...queues.flatMap((q) => {
            const head =
              q.state === 'idle'
                ? `printer ${q.name} is idle.  ${since}`
                : q.state === 'printing'
                  ? `printer ${q.name} now printing ${q.name}-${q.job}.  ${since}`
                  : `printer ${q.name} disabled since Sun Nov 22 19:13:32 2026 -`;
            const detail = q.message !== '' ? [`\t${q.message}`] : q.state === 'stopped' ? ['\treason unknown'] : [];
            return [head, ...detail];
          }),
          defaultQueue ? `system default destination: ${defaultQueue}` : 'no system default destination',
          '',
        ].join('\n');
        expect(parsePrinters(text)).toEqual({
          printers: queues.map((q) => ({
            name: q.name,
            state: q.state,
            message: q.message,
            printingJob: q.state === 'printing' ? `${q.name}-${q.job}` : null,
          })),
          defaultQueue,
        });
      }),
    );
  });

  it('reads back any job list written the way lpstat -l writes it', () => {
    const job = fc.record({
      queue: queueName,
      number: fc.integer({ min: 1, max: 999_999_999 }),
      user: fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}$/),
      bytes: fc.nat(),
      status: message,
      reasons: fc.subarray(['job-printing', 'job-hold-until-specified', 'job-completed-with-errors']),
    });
    fc.assert(
      fc.property(fc.array(job, { maxLength: 8 }), (jobs) => {
        const text = jobs
          .flatMap((j) => [
            `${`${j.queue}-${j.number}`.padEnd(23)} ${j.user.padEnd(12)} ${String(j.bytes).padStart(9)}   Sun Nov 22 19:18:35 2026`,
            `\tStatus: ${j.status}`,
            `\tAlerts: ${j.reasons.length ? j.reasons.join(' ') : 'none'}`,
            `\tqueued for ${j.queue}`,
          ])
          .join('\n');
        const parsed = parseJobs(text, false);
        expect(parsed.map((p) => [p.jobId, p.queue, p.user, p.bytes, p.message])).toEqual(
          jobs.map((j) => [`${j.queue}-${j.number}`, j.queue, j.user, j.bytes, j.status]),
        );
        parsed.forEach((p, i) => {
          const reasons = jobs[i]?.reasons ?? [];
          const expected = reasons.includes('job-printing')
            ? 'processing'
            : reasons.includes('job-hold-until-specified')
              ? 'held'
              : reasons.includes('job-completed-with-errors')
                ? 'stopped'
                : 'pending';
          expect(p.state).toBe(expected);
        });
      }),
    );
  });
});
