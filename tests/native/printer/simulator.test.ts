import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../contract/domain/errors.ts';
import {
  createSimulatedPrinters,
  manualClock,
  type SimulatedPrintersOptions,
} from '../../../native/printer/simulator.ts';
import type { JobStatus } from '../../../native/printer/types.ts';
import { expectPrinterError } from './helpers.ts';

async function onePagePdf(widthPt = 595, heightPt = 842): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([widthPt, heightPt]);
  return doc.save();
}

function setup(options: SimulatedPrintersOptions = {}) {
  const clock = manualClock(1_000_000);
  return { clock, ...createSimulatedPrinters({ clock, jobMs: 2000, ...options }) };
}

describe('printer simulator', () => {
  it('lists its queues with the roles mapped to them', async () => {
    const { printers } = setup();
    const ready = { state: 'idle', accepting: true, message: '', printingJob: null };
    expect(await printers.queues()).toEqual([
      { ...ready, name: 'Receipt', device: 'simulated:/receipt', isDefault: false, roles: ['receipt'] },
      { ...ready, name: 'A4', device: 'simulated:/a4', isDefault: true, roles: ['a4'] },
      { ...ready, name: 'Photo', device: 'simulated:/photo', isDefault: false, roles: ['photo'] },
    ]);
  });

  it('prints a PDF to a role with the role’s media and follows it to completion', async () => {
    const { printers, simulator } = setup();
    const document = await onePagePdf();
    const seen: JobStatus['state'][] = [];
    const result = await printers.print(
      { role: 'photo', document, copies: 2, title: '一寸照片\n王某' },
      { onProgress: (s) => seen.push(s.state) },
    );
    expect(result).toEqual({ jobId: 'Photo-1', queue: 'Photo', role: 'photo', media: '4x6', copies: 2, state: 'completed' });
    expect(seen[0]).toBe('processing');
    expect(seen.at(-1)).toBe('completed');
    expect(simulator.printed()).toEqual([
      { jobId: 'Photo-1', queue: 'Photo', media: '4x6', copies: 2, title: '一寸照片 王某', document },
    ]);
    expect(await printers.job('Photo-1')).toEqual({ jobId: 'Photo-1', state: 'completed', reasons: [], message: '' });
  });

  it('prints jobs on one queue one after another', async () => {
    const { printers, clock } = setup();
    const document = await onePagePdf();
    const first = await printers.submit({ role: 'a4', document });
    const second = await printers.submit({ role: 'a4', document });
    expect((await printers.jobs('A4')).map((j) => [j.jobId, j.state])).toEqual([
      ['A4-1', 'processing'],
      ['A4-2', 'pending'],
    ]);
    expect((await printers.queues()).find((q) => q.name === 'A4')?.printingJob).toBe('A4-1');
    clock.advance(2000);
    expect((await printers.job(first.jobId))?.state).toBe('completed');
    expect((await printers.job(second.jobId))?.state).toBe('processing');
    await printers.follow(second);
    expect((await printers.jobs('A4')).map((j) => [j.jobId, j.state])).toEqual([
      ['A4-2', 'finished'],
      ['A4-1', 'finished'],
    ]);
  });

  it('refuses to submit to a stopped queue, naming the reason', async () => {
    const { printers, simulator } = setup();
    simulator.setFault('A4', { kind: 'stopped', message: 'Out of paper' });
    const error = await expectPrinterError(printers.print({ role: 'a4', document: await onePagePdf() }), 'printer.queue-stopped');
    expect(error.params).toMatchObject({ queue: 'A4', message: 'Out of paper' });
    expect(simulator.printed()).toEqual([]);
    await printers.resume('A4');
    expect((await printers.print({ role: 'a4', document: await onePagePdf() })).state).toBe('completed');
  });

  it('fails and withdraws a waiting job when its queue stops', async () => {
    const { printers, simulator } = setup();
    const document = await onePagePdf();
    const ahead = await printers.submit({ role: 'a4', document });
    const mine = await printers.submit({ role: 'a4', document });
    simulator.setFault('A4', { kind: 'stopped', message: 'Paper jam' });
    await expectPrinterError(printers.follow(mine), 'printer.queue-stopped');
    expect((await printers.job(mine.jobId))?.state).toBe('canceled');
    // As in CUPS, stopping a queue lets the job it is printing finish.
    expect((await printers.job(ahead.jobId))?.state).toBe('processing');
    await printers.follow(ahead);
  });

  it('refuses a role whose paper the queue’s driver does not offer, sending nothing', async () => {
    // The photo role pointed at the office printer: its driver lists A4, A5, Letter and Legal, no 6-inch paper.
    const { printers, simulator } = setup({ roles: { a4: 'A4', photo: 'A4' } });
    const error = await expectPrinterError(printers.print({ role: 'photo', document: await onePagePdf(288, 432) }), 'printer.no-media');
    expect(error.params).toMatchObject({ queue: 'A4', role: 'photo', media: '4x6', size: '101.6×152.4' });
    expect(simulator.printed()).toEqual([]);
    await expectPrinterError(printers.printTestPage('photo'), 'printer.no-media');
    expect(simulator.printed()).toEqual([]);
  });

  it('asks for the paper by the driver’s own name for its size, or as a custom size', async () => {
    const { printers, simulator } = setup({
      roles: { photo: 'Dye', a4: 'Any' },
      queues: [
        { name: 'Dye', media: ['w288h432', 'w360h504'] },
        { name: 'Wide', media: ['A4', 'Custom.WIDTHxHEIGHT'] },
        { name: 'Any', media: null },
      ],
    });
    expect((await printers.print({ role: 'photo', document: await onePagePdf(288, 432) })).media).toBe('w288h432');
    expect((await printers.print({ role: 'photo', document: await onePagePdf(288, 432), queue: 'Wide' })).media).toBe('Custom.101.6x152.4mm');
    expect((await printers.print({ role: 'a4', document: await onePagePdf() })).media).toBe('A4');
    expect(simulator.printed().map((p) => [p.queue, p.media])).toEqual([
      ['Dye', 'w288h432'],
      ['Wide', 'Custom.101.6x152.4mm'],
      ['Any', 'A4'],
    ]);
  });

  it('refuses a queue that does not accept jobs', async () => {
    const { printers, simulator } = setup();
    simulator.setFault('Receipt', { kind: 'rejecting', message: 'Maintenance' });
    expect((await printers.queues()).find((q) => q.name === 'Receipt')).toMatchObject({ accepting: false, message: 'Maintenance' });
    await expectPrinterError(printers.print({ role: 'receipt', document: await onePagePdf() }), 'printer.queue-rejecting');
  });

  it('reports a job error, and cancels the job so CUPS would not retry it later', async () => {
    const { printers, simulator } = setup();
    simulator.setFault('A4', { kind: 'job-error', message: 'Filter failed' });
    const error = await expectPrinterError(printers.print({ role: 'a4', document: await onePagePdf() }), 'printer.job-failed');
    expect(error.params).toMatchObject({ jobId: 'A4-1', state: 'stopped', message: 'Filter failed' });
    expect((await printers.job('A4-1'))?.state).toBe('canceled');
    // The fault was for one job only.
    expect((await printers.print({ role: 'a4', document: await onePagePdf() })).state).toBe('completed');
  });

  it('gives up on a slow job at the deadline and cancels it', async () => {
    const { printers, simulator, clock } = setup();
    simulator.setFault('Photo', { kind: 'slow', jobMs: 10 * 60_000 });
    const start = clock.now();
    const error = await expectPrinterError(printers.print({ role: 'photo', document: await onePagePdf() }), 'printer.timeout');
    expect(error.params).toMatchObject({ queue: 'Photo', seconds: 300, state: 'processing' });
    // The photo role's timeoutSeconds from roles.json.
    expect(clock.now() - start).toBe(300_000);
    expect((await printers.job('Photo-1'))?.state).toBe('canceled');
  });

  it('honours a shorter timeout from the caller', async () => {
    const { printers, clock } = setup();
    const start = clock.now();
    await expectPrinterError(printers.print({ role: 'a4', document: await onePagePdf() }, { timeoutMs: 1000 }), 'printer.timeout');
    expect(clock.now() - start).toBe(1000);
  });

  it('reports a job cancelled by someone else', async () => {
    const { printers } = setup();
    const error = await expectPrinterError(
      printers.print(
        { role: 'a4', document: await onePagePdf() },
        { onProgress: (s) => void (s.state === 'processing' && printers.cancel(s.jobId)) },
      ),
      'printer.job-canceled',
    );
    expect(error.params).toMatchObject({ jobId: 'A4-1' });
  });

  it('says so when a role has no queue, or its queue is gone, or there are no printers at all', async () => {
    const { printers, simulator } = setup({ roles: { a4: 'A4', photo: 'Gone' } });
    await expectPrinterError(printers.print({ role: 'receipt', document: await onePagePdf() }), 'printer.role-unset');
    await expectPrinterError(printers.print({ role: 'photo', document: await onePagePdf() }), 'printer.queue-missing');
    for (const name of ['Receipt', 'A4', 'Photo']) simulator.removeQueue(name);
    await expectPrinterError(printers.print({ role: 'a4', document: await onePagePdf() }), 'printer.none');
    await expectPrinterError(printers.print({ role: 'receipt', document: await onePagePdf() }), 'printer.none');
  });

  it('follows config changes when roles come from a function', async () => {
    let roles = { a4: 'A4' } as Record<string, string>;
    const { printers } = setup({ roles: () => roles });
    await expectPrinterError(printers.print({ role: 'photo', document: await onePagePdf() }), 'printer.role-unset');
    roles = { photo: 'Photo' };
    expect((await printers.print({ role: 'photo', document: await onePagePdf() })).queue).toBe('Photo');
  });

  it('prints to an explicitly chosen queue with the role’s paper', async () => {
    const { printers, simulator } = setup();
    const result = await printers.print({ role: 'receipt', document: await onePagePdf(), queue: 'A4' });
    expect(result).toMatchObject({ queue: 'A4', media: 'A4' });
    expect(simulator.printed()[0]?.queue).toBe('A4');
  });

  it('fails like CUPS when the scheduler is down', async () => {
    const { printers, simulator } = setup();
    simulator.setSchedulerRunning(false);
    await expectPrinterError(printers.queues(), 'printer.cups-unavailable');
    await expectPrinterError(printers.print({ role: 'a4', document: await onePagePdf() }), 'printer.cups-unavailable');
    simulator.setSchedulerRunning(true);
    expect(await printers.queues()).toHaveLength(3);
  });

  it('rejects what is not a PDF, and bad requests, before anything is queued', async () => {
    const { printers, simulator } = setup();
    await expectPrinterError(printers.print({ role: 'a4', document: new TextEncoder().encode('hello') }), 'printer.not-pdf');
    await expectPrinterError(printers.print({ role: 'a4', document: '/nonexistent/x.pdf' }), 'printer.file-missing');
    await expect(printers.print({ role: 'a4', document: await onePagePdf(), copies: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(printers.print({ role: 'poster' as 'a4', document: await onePagePdf() })).rejects.toBeInstanceOf(ValidationError);
    await expect(printers.print({ role: 'a4', document: await onePagePdf(), queue: '-x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(printers.cancel('not a job')).rejects.toBeInstanceOf(ValidationError);
    expect(simulator.printed()).toEqual([]);
  });

  it('prints a test page on the role’s paper', async () => {
    const { printers, simulator } = setup();
    const result = await printers.printTestPage('photo');
    expect(result).toMatchObject({ queue: 'Photo', media: '4x6', state: 'completed' });
    const [print] = simulator.printed();
    expect(print?.title).toBe('打印测试页');
    const page = (await PDFDocument.load(print?.document ?? new Uint8Array())).getPage(0);
    expect(page.getWidth()).toBeCloseTo(288, 3);
    expect(page.getHeight()).toBeCloseTo(432, 3);
  });
});
