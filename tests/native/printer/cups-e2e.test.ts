/**
 * The real driver against a real CUPS: scripts/setup-cups.sh (idempotent; CI has already run it) makes sure the
 * scheduler runs and the cups-pdf queue exists, then jobs go through lp, are followed to completion, and the PDF
 * that cups-pdf writes is measured with pdfinfo. No CUPS means a failed test with the install line, never a skip.
 */
import { rmSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCupsPrinters } from '../../../native/printer/index.ts';
import { splitJobId } from '../../../native/printer/cups-output.ts';
import { loadRolePapers } from '../../../native/printer/roles.ts';
import type { PrinterRole } from '../../../contract/domain/printer-roles.ts';
import type { PrintResult, Printers } from '../../../native/printer/types.ts';
import { cupsPdfOutput, ensureCupsPdf, OFFICE_QUEUE, PDF_QUEUE as QUEUE } from '../../helpers/cups.ts';
import { expectPrinterError, pageSizes } from './helpers.ts';

const papers = loadRolePapers();

/** Where cups-pdf puts this user's files, as setup-cups.sh worked it out from /etc/cups/cups-pdf.conf. */
let outputDir = '';
let printers: Printers;

beforeAll(async () => {
  outputDir = await ensureCupsPdf();
  printers = createCupsPrinters({ roles: { a4: QUEUE, photo: QUEUE } });
});

async function pdfOfSize(widthPt: number, heightPt: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([widthPt, heightPt]);
  page.drawRectangle({ x: 20, y: 20, width: widthPt - 40, height: heightPt - 40, borderWidth: 2 });
  return doc.save();
}

/** Page sizes of a job's output; the file is removed so test runs do not pile up in the user's ~/PDF. */
async function measure(result: PrintResult, since: number): Promise<[number, number][]> {
  const file = cupsPdfOutput(outputDir, splitJobId(result.jobId)!.number, since);
  try {
    return await pageSizes(file);
  } finally {
    rmSync(file, { force: true });
  }
}

// cups-pdf's driver lists A4 but no 4x6; it takes custom sizes, so the photo role asks for its paper by size.
const MEDIA_SENT: Record<PrinterRole, string> = { receipt: papers.receipt.media, a4: papers.a4.media, photo: 'Custom.101.6x152.4mm' };

async function printAndMeasure(role: PrinterRole, document: Uint8Array): Promise<[number, number]> {
  const since = Date.now();
  const result = await printers.print({ role, document, title: `doorstep-e2e-${role}` });
  expect(result).toMatchObject({ queue: QUEUE, role, media: MEDIA_SENT[role], state: 'completed' });
  expect(await printers.job(result.jobId)).toMatchObject({ state: 'completed' });
  const sizes = await measure(result, since);
  expect(sizes).toHaveLength(1);
  return sizes[0] ?? [0, 0];
}

describe('printing through CUPS to the cups-pdf queue', () => {
  it('lists the queue as ready, with the roles mapped to it', async () => {
    const queue = (await printers.queues()).find((q) => q.name === QUEUE);
    expect(queue).toMatchObject({ accepting: true, device: 'cups-pdf:/', roles: ['a4', 'photo'] });
    expect(queue?.state).not.toBe('stopped');
  });

  it('prints role a4 on A4 paper, whatever size the document was made for', async () => {
    const [width, height] = await printAndMeasure('a4', await pdfOfSize(288, 432));
    expect(width).toBeCloseTo(595, 0);
    expect(height).toBeCloseTo(842, 0);
  });

  it('prints role photo on 6-inch (4x6) paper, scaling an A4 document down to it', async () => {
    const [width, height] = await printAndMeasure('photo', await pdfOfSize(595, 842));
    expect(width).toBeCloseTo(288, 0);
    expect(height).toBeCloseTo(432, 0);
  });

  it('prints the technician test page on the role’s paper', async () => {
    const since = Date.now();
    const result = await printers.printTestPage('photo');
    expect(result.state).toBe('completed');
    const [size, ...more] = await measure(result, since);
    expect(more).toEqual([]);
    expect(size?.[0]).toBeCloseTo(288, 0);
    expect(size?.[1]).toBeCloseTo(432, 0);
  });

  it('lists the finished jobs', async () => {
    const jobs = await printers.jobs(QUEUE, 10);
    expect(jobs.filter((j) => j.state === 'finished').length).toBeGreaterThanOrEqual(3);
    expect(jobs.every((j) => j.queue === QUEUE)).toBe(true);
  });

  it('refuses the photo role on an office printer whose driver has no 6-inch paper, and sends nothing', async () => {
    // setup-cups.sh's office queue: CUPS's Generic PCL driver (Letter … A5, no 4x6, no custom sizes) into cups-pdf.
    const officePrinters = createCupsPrinters({ roles: { photo: OFFICE_QUEUE } });
    const before = (await officePrinters.jobs(OFFICE_QUEUE, 100)).length;
    const error = await expectPrinterError(officePrinters.print({ role: 'photo', document: await pdfOfSize(288, 432) }), 'printer.no-media');
    expect(error.params).toMatchObject({ queue: OFFICE_QUEUE, media: '4x6' });
    expect(await officePrinters.jobs(OFFICE_QUEUE, 100)).toHaveLength(before);
  });
});
