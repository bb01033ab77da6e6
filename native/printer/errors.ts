import { StationError } from '../../contract/domain/errors.ts';

/**
 * Every printer failure a person can see. The code is the key of its message in assets/messages/<locale>/printer.json,
 * which says what to do; `message` here is for the log.
 */
export const PRINTER_ERROR_CODES = [
  'printer.none', // CUPS has no queue at all
  'printer.role-unset', // the config maps no queue to the role
  'printer.queue-missing', // the configured queue does not exist in CUPS
  'printer.queue-stopped', // the queue is paused (cupsdisable, or CUPS stopped it after an error)
  'printer.queue-rejecting', // the queue refuses new jobs (cupsreject)
  'printer.no-media', // the queue's driver offers no paper of the role's size (a photo role on an A4 printer)
  'printer.job-failed', // the job ended with an error or vanished
  'printer.job-canceled', // someone cancelled the job
  'printer.timeout', // the job did not complete in time
  'printer.cups-unavailable', // CUPS is not installed, not running, or not answering
  'printer.not-permitted', // this user may not administer CUPS queues
  'printer.file-missing', // the document path does not exist
  'printer.not-pdf', // the document is not a PDF
] as const;
export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

/** The apt line a technician runs when the printing system is missing. */
export const CUPS_INSTALL_LINE = 'apt-get install cups printer-driver-cups-pdf poppler-utils';

export class PrinterError extends StationError {
  declare readonly code: PrinterErrorCode;

  constructor(
    code: PrinterErrorCode,
    message: string,
    params: Record<string, string | number> = {},
    options: { cause?: unknown } = {},
  ) {
    const kind = code === 'printer.file-missing' || code === 'printer.not-pdf' ? 'input' : 'failure';
    super(code, message, { params, kind, cause: options.cause });
  }
}
