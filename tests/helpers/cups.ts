import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CUPS_INSTALL_LINE } from '../../native/printer/errors.ts';

const run = promisify(execFile);
const SETUP = join(import.meta.dirname, '..', '..', 'scripts', 'setup-cups.sh');

/** The cups-pdf queue tests print to. */
export const PDF_QUEUE = process.env.DOORSTEP_PDF_QUEUE ?? 'PDF';

/** The office printer's queue setup-cups.sh adds beside it: a driver with no 6-inch photo paper. */
export const OFFICE_QUEUE = process.env.DOORSTEP_OFFICE_QUEUE ?? 'DoorstepOffice';

/**
 * Brings up CUPS with the cups-pdf queue (scripts/setup-cups.sh is idempotent) and returns where cups-pdf writes
 * this user's files. No CUPS is a failure with the install line, never a skip.
 */
export async function ensureCupsPdf(): Promise<string> {
  let output: string;
  try {
    output = (await run('bash', [SETUP])).stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `scripts/setup-cups.sh could not get CUPS ready.\n${e.stdout ?? ''}${e.stderr ?? e.message}\n` +
        `It needs the packages (${CUPS_INSTALL_LINE}) and, when cupsd is not running yet, root.`,
    );
  }
  const landing = /land in (\/.*?)\/?$/m.exec(output);
  if (!landing?.[1]) throw new Error(`setup-cups.sh did not say where cups-pdf writes files:\n${output}`);
  return landing[1];
}

/** The file cups-pdf wrote for job number n (`…-job_<n>.pdf`), new since `since` (CUPS may reuse numbers). */
export function cupsPdfOutput(outputDir: string, jobNumber: number | string, since: number): string {
  const names = readdirSync(outputDir);
  const match = names.find(
    (name) => name.endsWith(`-job_${jobNumber}.pdf`) && statSync(join(outputDir, name)).mtimeMs >= since - 2000,
  );
  if (!match) throw new Error(`no cups-pdf output for job ${jobNumber} in ${outputDir}; it holds: ${names.join(', ')}`);
  return join(outputDir, match);
}

export async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}
