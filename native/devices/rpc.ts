import { StationError, type SerializedError } from '../../contract/domain/errors.ts';

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

type Handler = (...args: never[]) => unknown;

/** Device side: answers calls with the handlers' results. */
export function serveRpc(port: RpcPort, handlers: Record<string, Handler>): (event: string, payload: unknown) => void {
  port.on('message', (message) => {
    if (message.type !== 'call') return;
    const handler = handlers[message.method];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no device method ${message.method}`);
        return (handler as (...args: unknown[]) => unknown)(...message.args);
      })
      .then(
        (value) => port.postMessage({ type: 'reply', id: message.id, ok: true, value }),
        (error: unknown) => port.postMessage({ type: 'reply', id: message.id, ok: false, error: serializeError(error) }),
      );
  });
  return (event, payload) => port.postMessage({ type: 'event', event, payload });
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

  call<T>(method: string, args: unknown[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
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
