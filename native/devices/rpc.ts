import { StationError, type SerializedError } from '../../contract/domain/errors.ts';
import type { Remote } from './device-api.ts';

/** Messages between the core and the device process: calls with ids, their replies, and pushed events. */
export type RpcRequest = { type: 'call'; id: number; method: string; args: unknown[] };
export type RpcReply = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; error: SerializedError };
export type RpcEvent = { type: 'event'; event: string; payload: unknown };
export type RpcMessage = RpcRequest | RpcReply | RpcEvent;

/** What both ends of the device channel need: post a message and hear messages. */
export interface RpcPort {
  postMessage(message: RpcMessage): void;
  on(event: 'message', listener: (message: RpcMessage) => void): unknown;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof StationError) return error.toJSON();
  return { name: 'Error', code: 'error.internal', message: String((error as Error)?.message ?? error), params: {}, kind: 'failure' };
}

/** A failure reported by the device process, with the code, kind and parameters it had there. */
export class DeviceProcessError extends StationError {
  constructor(error: SerializedError) {
    super(error.code, error.message, { params: error.params, kind: error.kind });
    this.name = error.name;
  }
}

/**
 * Device side: answers calls with the service's own methods — any method of its class, looked up by name, so there
 * is no list of operations to keep beside the interface it implements. Returns the function that pushes events.
 */
export function serveApi(port: RpcPort, service: object): (event: string, payload: unknown) => void {
  const methodOf = (name: string): ((...args: unknown[]) => unknown) | undefined => {
    if (name === 'constructor') return undefined;
    for (let proto = Object.getPrototypeOf(service); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      const candidate: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (typeof candidate === 'function') return candidate as (...args: unknown[]) => unknown;
    }
    return undefined;
  };
  port.on('message', (message) => {
    if (message.type !== 'call') return;
    const method = methodOf(message.method);
    Promise.resolve()
      .then(() => {
        if (!method) throw new Error(`no device method ${message.method}`);
        return method.apply(service, message.args);
      })
      .then(
        (value) => port.postMessage({ type: 'reply', id: message.id, ok: true, value }),
        (error: unknown) => port.postMessage({ type: 'reply', id: message.id, ok: false, error: serializeError(error) }),
      );
  });
  return (event, payload) => port.postMessage({ type: 'event', event, payload });
}

/** Core side: a typed proxy of the service at the far end; each method call becomes one call message. */
export function remoteApi<T extends object>(call: (method: string, args: unknown[]) => Promise<unknown>): Remote<T> {
  return new Proxy({} as Remote<T>, {
    get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => call(name, args) : undefined),
  });
}

/** Core side: calls into the device process and hears its events. */
export class RpcClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  constructor(private readonly port: RpcPort) {
    port.on('message', (message) => {
      if (message.type === 'event') for (const l of this.listeners) l(message.event, message.payload);
      if (message.type !== 'reply') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new DeviceProcessError(message.error));
    });
  }

  call(method: string, args: unknown[]): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage({ type: 'call', id, method, args });
    });
  }

  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fails every call still waiting, e.g. when the device process died. */
  failAll(error: StationError): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
