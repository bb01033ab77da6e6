/** The reader's serial port (USB-serial, 115200 8N1) as a Transport. */
import { EventEmitter } from 'node:events';
import { stat } from 'node:fs';
import { SerialPort } from 'serialport';
import { UnpluggedError } from './errors.ts';
import type { Transport, TransportEvents, TransportOpener } from './transport.ts';

export const BAUD_RATE = 115200;

export interface SerialTransportOptions {
  baudRate?: number;
  /**
   * How often to check that the device node still exists and is the same device. A vanished USB adapter (or a
   * pty whose socat died) does not always raise an error on a port nobody is writing to.
   */
  presencePollMs?: number;
}

export class SerialTransport extends EventEmitter<TransportEvents> implements Transport {
  readonly path: string;
  private readonly port: SerialPort;
  private readonly device: number | null;
  private readonly poll: NodeJS.Timeout | undefined;
  private gone = false;

  private constructor(port: SerialPort, path: string, device: number | null, pollMs: number) {
    super();
    this.port = port;
    this.path = path;
    this.device = device;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (error: Error) => this.end(new UnpluggedError(path, { cause: error })));
    port.on('close', (error?: Error) => this.end(error ? new UnpluggedError(path, { cause: error }) : undefined));
    // Only device nodes can be watched; a Windows COM port name is not a file.
    this.poll = device === null ? undefined : setInterval(() => this.checkPresence(), pollMs).unref();
  }

  static async open(path: string, options: SerialTransportOptions = {}): Promise<SerialTransport> {
    const port = new SerialPort({
      path,
      baudRate: options.baudRate ?? BAUD_RATE,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      autoOpen: false,
    });
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
      const device = await deviceNumber(path);
      return new SerialTransport(port, path, device, options.presencePollMs ?? 200);
    } catch (error) {
      if (port.isOpen) port.close(() => {});
      throw new UnpluggedError(path, { cause: error });
    }
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.gone) return Promise.reject(new UnpluggedError(this.path));
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (error) => {
        if (!error) return resolve();
        const unplugged = new UnpluggedError(this.path, { cause: error });
        this.end(unplugged);
        reject(unplugged);
      });
    });
  }

  async close(): Promise<void> {
    this.end();
  }

  private checkPresence(): void {
    stat(this.path, (error, stats) => {
      if (error || stats.rdev !== this.device) this.end(new UnpluggedError(this.path, error ? { cause: error } : {}));
    });
  }

  private end(error?: Error): void {
    if (this.gone) return;
    this.gone = true;
    clearInterval(this.poll);
    if (this.port.isOpen) this.port.close(() => {});
    this.emit('close', error);
  }
}

async function deviceNumber(path: string): Promise<number | null> {
  return new Promise((resolve) => stat(path, (error, stats) => resolve(error ? null : stats.rdev)));
}

export function serialTransportOpener(path: string, options: SerialTransportOptions = {}): TransportOpener {
  return () => SerialTransport.open(path, options);
}
