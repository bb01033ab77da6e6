import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../../helpers/cups.ts';

/** PDFs cups-pdf wrote into `outputDir` since `since` whose name (the job title) holds `title`. */
export function printedSince(outputDir: string, title: string, since: number): string[] {
  return readdirSync(outputDir)
    .filter((n) => n.endsWith('.pdf') && n.includes(title) && statSync(join(outputDir, n)).mtimeMs >= since - 1000)
    .map((n) => join(outputDir, n));
}

/** The text of the one PDF printed since `since` under `title`, whitespace removed (pdftotext lays text out); the file is then deleted. */
export async function takePrinted(outputDir: string, title: string, since: number): Promise<string> {
  const files = printedSince(outputDir, title, since);
  try {
    if (files.length !== 1) throw new Error(`expected one PDF titled ${title} in ${outputDir}, found ${files.length}`);
    return (await pdfText(files[0]!)).replace(/\s+/g, '');
  } finally {
    for (const f of files) rmSync(f, { force: true });
  }
}

/** 2026-12-04 → 2026年12月4日, as the documents and the screens write a date. */
export function printedDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
