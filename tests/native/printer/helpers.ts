import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { LOCALES, translate, type Locale, type MessageTable } from '../../../contract/domain/messages.ts';
import { CUPS_INSTALL_LINE, PrinterError, type PrinterErrorCode } from '../../../native/printer/errors.ts';

/** Output recorded from CUPS 2.4.2 (Debian 12) under LC_ALL=C. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export const printerMessages = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`../../../assets/messages/${locale}/printer.json`, import.meta.url), 'utf8')),
  ]),
) as Record<Locale, MessageTable>;

/**
 * Awaits a PrinterError with this code and checks that its catalogue message fills every placeholder from the
 * error's params, in every locale, so no person ever reads "{queue}".
 */
export async function expectPrinterError(promise: Promise<unknown>, code: PrinterErrorCode): Promise<PrinterError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(PrinterError);
  const printerError = error as PrinterError;
  expect(printerError.code, printerError.message).toBe(code);
  for (const locale of LOCALES) {
    const text = translate(printerMessages, locale, code, printerError.params);
    expect(text, `${locale} message for ${code}`).not.toMatch(/\{\w+\}/);
  }
  return printerError;
}

/**
 * Runs a CUPS or poppler tool for a test. A missing tool fails the test with the line that installs it: these tests
 * must never pass by not running.
 */
export async function tool(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await promisify(execFile)(command, args, { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${command} is not installed. Install the printing packages: ${CUPS_INSTALL_LINE}`);
    }
    throw err;
  }
}

/** Page size in points of each page, from pdfinfo. */
export async function pageSizes(file: string): Promise<[number, number][]> {
  const { stdout } = await tool('pdfinfo', ['-l', '1000', file]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}
