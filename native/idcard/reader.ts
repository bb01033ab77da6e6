/**
 * Reads a card: find → select → read, each step with its own timeout, over any Transport.
 *
 * A step is repeated (up to `retries` more times) only when the wire garbled something — no answer, a bad
 * checksum, a malformed frame, or the SAM saying it could not parse our request. What the SAM says about the card
 * (no card, moved, unreadable) is reported at once: asking again would only give the same answer, and the person
 * at the kiosk has to act. When the port goes away the read fails with 'idcard.unplugged' and the next read
 * opens it again, so the station never needs a restart after a pulled cable.
 */
import type { Clock } from '../../contract/domain/clock.ts';
import { decodePhoto, type WltDecoder } from './photo.ts';
import { identityFrom, splitReadData, type ReadForm } from './decode.ts';
import {
  BadFrameError,
  ChecksumError,
  IdCardError,
  IdCardTimeoutError,
  NotResidentCardError,
  ProtocolError,
  UnpluggedError,
  type IdCardStep,
} from './errors.ts';
import { CARD_TYPES, type CardType, type IdentityCard } from './identity.ts';
import { PHOTO_BYTES, TEXT_BYTES } from './layouts.ts';
import {
  FIND,
  READ_TEXT_PHOTO,
  READ_TEXT_PHOTO_FINGERPRINT,
  SAM_ID,
  SELECT,
  requestFrame,
  type SamCommand,
} from './sam-commands.ts';
import { FrameDecoder, parseResponse, type Response } from './sam-frame.ts';
import { formatSamId } from './sam-id.ts';
import { SW3, errorForStatus, isSuccess, isTransient } from './sam-status.ts';
import type { Transport, TransportOpener } from './transport.ts';
import { assertNotExpired } from './validity.ts';

export type StepTimeouts = Record<Exclude<IdCardStep, 'sam-status'>, number>;

/** Generous enough for a slow SAM (up to ~800 ms) plus a fingerprint read on the wire (~200 ms at 115200). */
export const DEFAULT_TIMEOUTS: StepTimeouts = { find: 1000, select: 1000, read: 3000, 'sam-id': 1000 };

export interface IdCardReaderOptions {
  open: TransportOpener;
  timeouts?: Partial<StepTimeouts>;
  /** Extra attempts per step after a garbled exchange. */
  retries?: number;
  /** Read fingerprints too (`30 10`). */
  fingerprint?: boolean;
  photoDecoder?: WltDecoder;
  /** Card types the caller can use; others fail with 'idcard.not-resident-card'. All by default. */
  accept?: readonly CardType[];
  /** Fail with 'idcard.expired' for a card past its validity (default true). */
  rejectExpired?: boolean;
  /** Today, for the validity check: the device process's clock (which DOORSTEP_CLOCK may pin). */
  now: Clock;
}

export interface ReadResult {
  card: IdentityCard;
  /** The raw photo, for a decoder running elsewhere or later. */
  wlt: Uint8Array;
  fingerprint: Uint8Array | null;
}

interface Pending {
  command: SamCommand;
  settle(outcome: Response | IdCardError): void;
}

const MIN_READ_DATA = 4 + TEXT_BYTES + PHOTO_BYTES;

/** Whether a response can be the answer to this command, so a late answer to an abandoned request is skipped. */
function answers(command: SamCommand, response: Response): boolean {
  if (!isSuccess(response.sw3)) return response.data.length === 0;
  if (response.sw3 !== (command === FIND ? SW3.findOk : SW3.ok)) return false;
  return command.okDataBytes === null
    ? response.data.length >= MIN_READ_DATA
    : response.data.length === command.okDataBytes;
}

function retryable(error: unknown): boolean {
  return (
    error instanceof IdCardTimeoutError ||
    error instanceof ChecksumError ||
    error instanceof BadFrameError ||
    error instanceof ProtocolError
  );
}

export class IdCardReader {
  private readonly open: TransportOpener;
  private readonly timeouts: StepTimeouts;
  private readonly retries: number;
  private readonly form: ReadForm;
  private readonly photoDecoder: WltDecoder | undefined;
  private readonly accept: readonly CardType[];
  private readonly rejectExpired: boolean;
  private readonly now: Clock;
  private readonly decoder: FrameDecoder;
  private transport: Transport | null = null;
  private lastPath = 'ID card reader';
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: IdCardReaderOptions) {
    this.open = options.open;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.retries = options.retries ?? 2;
    this.form = options.fingerprint ? 'text-photo-fingerprint' : 'text-photo';
    this.photoDecoder = options.photoDecoder;
    this.accept = options.accept ?? CARD_TYPES;
    this.rejectExpired = options.rejectExpired ?? true;
    this.now = options.now;
    this.decoder = new FrameDecoder({
      onFrame: (payload) => this.onFrame(payload),
      onError: (error) => {
        // A whole frame with a bad checksum is the answer, garbled: retry now rather than wait for the timeout.
        // A bad length field is garbage that only looked like a preamble; the real answer may still follow.
        if (error instanceof ChecksumError) this.pending?.settle(error);
      },
    });
  }

  /** Reads the card on the reader. Concurrent calls run one after another. */
  read(): Promise<ReadResult> {
    return this.serialize(() => this.readCard());
  }

  /** The SAM module's id, e.g. for the technician's device report. */
  readSamId(): Promise<string> {
    return this.serialize(async () => formatSamId((await this.step(SAM_ID)).data));
  }

  /** Releases the port and fails a read in progress; a later read opens the port again. */
  async close(): Promise<void> {
    const transport = this.transport;
    this.detach();
    this.pending?.settle(new UnpluggedError(this.lastPath));
    await transport?.close();
  }

  private serialize<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readCard(): Promise<ReadResult> {
    await this.step(FIND);
    await this.step(SELECT);
    const response = await this.step(this.form === 'text-photo' ? READ_TEXT_PHOTO : READ_TEXT_PHOTO_FINGERPRINT);
    const parts = splitReadData(response.data, 'device', this.form);
    const card = identityFrom(parts, await decodePhoto(parts.wlt, this.photoDecoder), 'device');
    if (!this.accept.includes(card.cardType)) throw new NotResidentCardError(card.cardType);
    if (this.rejectExpired) assertNotExpired(card, this.now());
    return { card, wlt: parts.wlt, fingerprint: parts.fingerprint };
  }

  private async step(command: SamCommand): Promise<Response> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      try {
        const response = await this.exchange(command);
        if (isSuccess(response.sw3)) return response;
        const error = errorForStatus(response.sw3);
        if (!isTransient(response.sw3)) throw error;
        lastError = error;
      } catch (error) {
        if (!retryable(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  private async exchange(command: SamCommand): Promise<Response> {
    const transport = await this.connect();
    const timeoutMs = this.timeouts[command.step as keyof StepTimeouts];
    // Bytes left from an abandoned attempt can only confuse the next answer.
    this.decoder.reset();
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => settle(new IdCardTimeoutError(command.step, timeoutMs)), timeoutMs);
      const settle = (outcome: Response | IdCardError) => {
        if (this.pending !== pending) return;
        this.pending = null;
        clearTimeout(timer);
        if (outcome instanceof IdCardError) reject(outcome);
        else resolve(outcome);
      };
      const pending: Pending = { command, settle };
      this.pending = pending;
      transport.write(requestFrame(command)).catch((error: unknown) => {
        settle(error instanceof IdCardError ? error : new UnpluggedError(transport.path, { cause: error }));
      });
    });
  }

  private onFrame(payload: Uint8Array): void {
    const pending = this.pending;
    if (!pending) return;
    let response: Response;
    try {
      response = parseResponse(payload);
    } catch (error) {
      pending.settle(error as IdCardError);
      return;
    }
    // The payload is a view into the decoder's buffer; the response outlives this call.
    if (answers(pending.command, response)) pending.settle({ sw3: response.sw3, data: response.data.slice() });
  }

  private async connect(): Promise<Transport> {
    if (this.transport) return this.transport;
    let transport: Transport;
    try {
      transport = await this.open();
    } catch (error) {
      throw error instanceof IdCardError ? error : new UnpluggedError(this.lastPath, { cause: error });
    }
    this.transport = transport;
    this.lastPath = transport.path;
    this.decoder.reset();
    transport.on('data', this.onData);
    transport.on('close', this.onClose);
    return transport;
  }

  private readonly onData = (chunk: Uint8Array): void => this.decoder.push(chunk);

  private readonly onClose = (error?: Error): void => {
    const path = this.lastPath;
    this.detach();
    this.pending?.settle(
      error instanceof UnpluggedError ? error : new UnpluggedError(path, error ? { cause: error } : {}),
    );
  };

  private detach(): void {
    this.transport?.off('data', this.onData);
    this.transport?.off('close', this.onClose);
    this.transport = null;
  }
}
