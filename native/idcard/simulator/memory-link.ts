/**
 * Two Transports joined back to back in memory: the in-process simulator on one end, the reader on the other.
 * Bytes arrive on a later turn of the event loop, as they would from a port.
 */
import { EventEmitter } from 'node:events';
import { UnpluggedError } from '../errors.ts';
import type { Transport, TransportEvents } from '../transport.ts';

class MemoryEnd extends EventEmitter<TransportEvents> implements Transport {
  readonly path: string;
  peer: MemoryEnd | null = null;
  closed = false;

  constructor(path: string) {
    super();
    this.path = path;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new UnpluggedError(this.path);
    const copy = Uint8Array.from(bytes);
    const peer = this.peer;
    setImmediate(() => {
      if (peer && !peer.closed) peer.emit('data', copy);
    });
  }

  async close(): Promise<void> {
    this.hangUp();
  }

  /** Closing either end takes the whole link down, like pulling the cable. */
  hangUp(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
    this.peer?.hangUp();
  }
}

export interface MemoryLink {
  host: Transport;
  device: Transport;
}

export function createMemoryLink(path = 'memory'): MemoryLink {
  const host = new MemoryEnd(path);
  const device = new MemoryEnd(`${path} (device)`);
  host.peer = device;
  device.peer = host;
  return { host, device };
}
