/** A byte pipe to the reader. The serial port is one; tests and the in-process simulator use memory pipes. */

export interface TransportEvents {
  data: [chunk: Uint8Array];
  /** The pipe is gone (device unplugged, port closed); emitted at most once. */
  close: [error?: Error];
}

export interface Transport {
  /** Where the pipe leads, for messages (e.g. /dev/ttyUSB0). */
  readonly path: string;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  on<E extends keyof TransportEvents>(event: E, listener: (...args: TransportEvents[E]) => void): unknown;
  off<E extends keyof TransportEvents>(event: E, listener: (...args: TransportEvents[E]) => void): unknown;
}

/** Opens a fresh pipe; the reader calls it again after the old one is gone, which is how it recovers. */
export type TransportOpener = () => Promise<Transport>;
