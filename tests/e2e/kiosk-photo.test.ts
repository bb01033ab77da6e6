import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../contract/domain/cases.ts';
import { STATION_PHOTO_SOURCE } from '../../contract/domain/cases.ts';
import { splitJobId } from '../../native/printer/cups-output.ts';
import { cupsPdfOutput, ensureCupsPdf, PDF_QUEUE } from '../helpers/cups.ts';
import { tempDir } from '../helpers/tmp.ts';
import { smallTargets, textProblems } from './harness/accessibility.ts';
import { fakeCameraFlags, type FakeCameraClip } from './harness/fake-camera.ts';
import { callFromPage } from './harness/kiosk-actions.ts';
import { writePhotoClip } from './harness/photo-clip.ts';
import { addStaff, CLERK } from './harness/staff.ts';
import { kioskSuite } from './harness/suite.ts';
import { choose, exemptMaterial, material, next, pickMatter, readCard, signIn, signOnPad, tick } from './harness/window-actions.ts';

// 证件照 at the station: Chromium's fake camera shows a person standing still at the camera; the photo role is the
// real cups-pdf queue, so the printed sheet is a PDF on disk that pdfinfo and pdfimages can measure.
let clip: FakeCameraClip | undefined;
const kiosk = kioskSuite(
  { idleTimeoutSec: 3600, printers: { photo: PDF_QUEUE, receipt: PDF_QUEUE }, simulatedCard: 'wang-ceshi', county: '津市市' },
  { stationArgs: ['--simulate'], chromiumArgs: async () => fakeCameraFlags((clip = await writePhotoClip())), setup: (dataDir) => addStaff(dataDir) },
);
let outputDir = '';
beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});
afterAll(() => clip?.remove());

const MM_PER_PT = 25.4 / 72;

describe('打印照片 at the kiosk', () => {
  it('takes a 一寸红底 at the camera and prints a sheet of ten through CUPS, each photo 25 × 35 mm', async () => {
    const { page, context, problems } = await kiosk.open();
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-photo').tap();
    await page.getByTestId('screen-photo').waitFor();
    // 一寸 on red is what most matters ask for, and what the screen starts with.
    expect(await page.getByTestId('photo-spec-1inch').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('photo-background-red').getAttribute('aria-checked')).toBe('true');
    expect(await textProblems(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await page.getByTestId('photo-start').tap();
    const shoot = page.getByTestId('photo-shoot');
    await page.locator('[data-testid="photo-shoot"]:not([disabled])').waitFor({ timeout: 30_000 });
    await shoot.tap();
    const preview = page.getByTestId('photo-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getAttribute('data-spec')).toBe('1inch');
    expect(await preview.getAttribute('data-background')).toBe('red');
    expect(await page.getByTestId('photo-preview-sheet').textContent()).toContain('10');
    expect(await page.getByTestId('photo-low-resolution').count()).toBe(0);

    const since = Date.now();
    // The job this tap printed, by its CUPS id: other tests print into the same cups-pdf folder meanwhile.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/photoPrint'));
    await page.getByTestId('photo-print').tap();
    await page.locator('[data-testid="photo-print-status"][data-state="done"]').waitFor({ timeout: 90_000 });
    const { value } = (await (await answer).json()) as { value: { jobId: string } };
    const printed = [cupsPdfOutput(outputDir, splitJobId(value.jobId)!.number, since)];
    try {
      const info = execFileSync('pdfinfo', [printed[0]!], { encoding: 'utf8' });
      const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map((pt) => Number(pt) * MM_PER_PT);
      expect([w, h].sort((a, b) => a! - b!).map((mm) => Math.round(mm! * 10) / 10)).toEqual([101.6, 152.4]);
      const images = execFileSync('pdfimages', ['-list', printed[0]!], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(images).toHaveLength(10);
      for (const line of images) {
        const c = line.trim().split(/\s+/);
        expect([Number(c[3]), Number(c[4])]).toEqual([295, 413]);
        expect(Math.abs((Number(c[3]) / Number(c[12])) * 25.4 - 25)).toBeLessThan(0.5);
        expect(Math.abs((Number(c[4]) / Number(c[13])) * 25.4 - 35)).toBeLessThan(0.5);
      }
      // The photo's top corner is the red background, exactly as the spec gives it (JPEG rounding aside).
      const extracted = tempDir();
      execFileSync('pdfimages', ['-f', '1', '-l', '1', '-png', printed[0]!, join(extracted, 'photo')]);
      const png = join(extracted, readdirSync(extracted).find((n) => n.endsWith('.png'))!);
      const { default: sharp } = await import('sharp');
      const { data } = await sharp(png).extract({ left: 4, top: 4, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(240);
      expect(data[1]).toBeLessThan(15);
      expect(data[2]).toBeLessThan(15);
    } finally {
      for (const f of printed) rmSync(f, { force: true });
    }
    await page.getByTestId('topbar-home').tap();
    await page.getByTestId('screen-home').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);
});

describe('本站拍照 at the window', () => {
  it("takes 老年优待证's photo at the station as the material 照片, marked 本站采集 on the case", async () => {
    const { page, context, problems } = await kiosk.open();
    await signIn(page);
    await page.getByTestId('desk-new-intake').tap();
    await readCard(page);
    await next(page, 'matter');
    await pickMatter(page, 'lnydz', '老年优待证办理');
    await next(page, 'form');
    await choose(page, 'photo', 'station');
    await choose(page, 'delivery', 'now');
    await tick(page, 'truthful');
    await next(page, 'materials');
    await exemptMaterial(page, 'id-card-copy', 'id-card-proves');

    const photoRow = material(page, 'photo-1inch');
    await photoRow.getByTestId('material-photo').tap();
    await photoRow.locator('[data-testid="photo-shoot"]:not([disabled])').waitFor({ timeout: 30_000 });
    await photoRow.getByTestId('photo-shoot').tap();
    await photoRow.getByTestId('photo-preview').waitFor({ timeout: 60_000 });
    await photoRow.getByTestId('material-photo-keep').tap();
    await photoRow.locator('.page-thumb').first().waitFor({ timeout: 30_000 });

    await next(page, 'proxy');
    await next(page, 'sign');
    await signOnPad(page);
    await next(page, 'submit');
    await page.getByTestId('intake-submit').tap();
    const caseNo = (await page.getByTestId('receipt-case-no').textContent()) ?? '';
    expect(caseNo).not.toBe('');

    const login = await callFromPage(page, 'staffLogin', { staffId: 1, pin: CLERK.pin });
    const { session } = (login.body as { ok: true; value: { session: string } }).value;
    const got = await callFromPage(page, 'caseGet', { caseNo }, { session });
    const detail = (got.body as { ok: true; value: CaseDetail }).value;
    const photo = detail.materials.find((m) => m.materialId === 'photo-1inch')!;
    expect(photo).toMatchObject({ status: 'provided', source: STATION_PHOTO_SOURCE });
    expect(photo.pages).toHaveLength(1);
    await page.getByTestId('intake-finish').tap();
    await page.getByTestId('screen-desk').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);
});
