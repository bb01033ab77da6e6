import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCupsPdf, PDF_QUEUE, pdfText } from '../helpers/cups.ts';
import { callFromPage } from './harness/kiosk-actions.ts';
import { kioskSuite } from './harness/suite.ts';

// The kiosk's A4 role is the real cups-pdf queue: the guide goes through CUPS and lands as a PDF on disk.
const kiosk = kioskSuite({ printers: { a4: PDF_QUEUE } });
let outputDir = '';

beforeAll(async () => {
  outputDir = await ensureCupsPdf();
});

/** PDFs cups-pdf wrote since `since` for a guide print (its job title names the matter code). */
function guideOutputs(code: string, since: number): string[] {
  return readdirSync(outputDir)
    .filter((n) => n.endsWith('.pdf') && n.includes(code) && statSync(join(outputDir, n)).mtimeMs >= since - 1000)
    .map((n) => join(outputDir, n));
}

describe('printing a guide at the kiosk', () => {
  it('prints 老年优待证办理 through CUPS; the printed PDF carries the matter name and its time limit', async () => {
    const { page, context } = await kiosk.open();
    await page.getByTestId('screen-attract').tap();
    await page.getByTestId('tile-apply').tap();
    await page.getByTestId('life-event-elderly').tap();
    await page.getByTestId('matter-item').filter({ hasText: '老年优待证办理' }).tap();
    await page.getByTestId('print-guide').waitFor();
    const found = await callFromPage(page, 'catalogSearch', { query: '老年优待证办理' });
    const code = found.body.ok ? (found.body.value as { code: string }[])[0]!.code : '';
    expect(code).toMatch(/^430000-/);
    const since = Date.now();
    await page.getByTestId('print-guide').tap();
    await page.locator('[data-testid="print-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    const printed = guideOutputs(code, since);
    expect(printed).toHaveLength(1);
    try {
      const text = await pdfText(printed[0]!);
      expect(text).toContain('老年优待证办理');
      expect(text).toContain('即办');
    } finally {
      for (const f of printed) rmSync(f, { force: true });
    }
    await context.close();
  });
});
