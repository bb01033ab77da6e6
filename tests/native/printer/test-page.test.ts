import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRolePapers } from '../../../native/printer/roles.ts';
import { makeTestPage } from '../../../native/printer/test-page.ts';
import { PRINTER_ROLES } from '../../../contract/domain/printer-roles.ts';
import { pageSizes, tool } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'doorstep-testpage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const papers = loadRolePapers();
const printedAt = new Date(2026, 2, 5, 9, 7, 3);

describe('technician test page', () => {
  it.each(PRINTER_ROLES)('for %s is one page on the role’s paper, in Chinese, with the queue and time', async (role) => {
    const paper = papers[role];
    const file = join(dir, `${role}.pdf`);
    writeFileSync(file, await makeTestPage({ queue: 'Office-Laser', role, paper, printedAt }));

    const [size, ...more] = await pageSizes(file);
    expect(more).toEqual([]);
    expect(size?.[0]).toBeCloseTo((paper.widthMm * 72) / 25.4, 1);
    expect(size?.[1]).toBeCloseTo((paper.heightMm * 72) / 25.4, 1);

    const text = (await tool('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('打印测试页');
    expect(text).toContain('打印机：Office-Laser');
    expect(text).toContain(`（${role}）`);
    expect(text).toContain('时间：2026-03-05 09:07:03');

    // The font travels inside the PDF: a kiosk without the font installed prints the same page.
    const fonts = (await tool('pdffonts', [file])).stdout;
    expect(fonts).toMatch(/WenQuanYiMicroHei\S*\s+CID TrueType\s+Identity-H\s+yes/);
    const rendered = await tool('pdftoppm', ['-r', '30', '-png', file, join(dir, role)]);
    expect(rendered.stderr).not.toMatch(/Syntax Error|Embedded font file may be invalid/);
  });

  it('fits a narrow receipt roll', async () => {
    const file = join(dir, 'roll.pdf');
    const paper = { media: 'Custom.58x150mm', widthMm: 58, heightMm: 150, timeoutSeconds: 60 };
    writeFileSync(file, await makeTestPage({ queue: 'Receipt-58', role: 'receipt', paper, printedAt }));
    // pdftotext -bbox gives every word's box: nothing may cross the 10 mm margins.
    const html = (await tool('pdftotext', ['-bbox', file, '-'])).stdout;
    const xMax = [...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xMax.length).toBeGreaterThan(5);
    expect(Math.max(...xMax)).toBeLessThanOrEqual(((58 - 10) * 72) / 25.4 + 0.5);
    expect(html).toMatch(/>下面的线应正好<\/word>\s*<word[^>]*>30</);
  });
});
