import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { StationError } from '../../../contract/domain/errors.ts';
import { DeviceProcessError, remoteApi, RpcClient, serveApi, type RpcMessage, type RpcPort } from '../../../native/devices/rpc.ts';

/** Two ends of a channel in one process, delivering asynchronously as IPC does. */
function channel(): [RpcPort, RpcPort] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): RpcPort => ({
    postMessage: (m: RpcMessage) => setImmediate(() => other.emit('message', structuredClone(m))),
    on: (_e, listener) => self.on('message', listener),
  });
  return [end(a, b), end(b, a)];
}

interface Counter {
  add(n: number): Promise<number>;
  bytes(b: Uint8Array): Uint8Array;
  fail(): Promise<never>;
}

class CounterService implements Counter {
  total = 0;
  async add(n: number): Promise<number> {
    this.total += n;
    return this.total;
  }
  bytes(b: Uint8Array): Uint8Array {
    return b.reverse();
  }
  async fail(): Promise<never> {
    throw new StationError('idcard.no-card', 'no card', { params: { tries: 2 }, kind: 'input' });
  }
}

describe('the typed device channel', () => {
  it('calls the service methods by name through a typed proxy, with plain data both ways and errors kept typed', async () => {
    const [core, device] = channel();
    const service = new CounterService();
    const push = serveApi(device, service);
    const rpc = new RpcClient(core);
    const remote = remoteApi<Counter>((method, args) => rpc.call(method, args));
    expect(await remote.add(2)).toBe(2);
    expect(await remote.add(3)).toBe(5);
    expect(await remote.bytes(Uint8Array.of(1, 2, 3))).toEqual(Uint8Array.of(3, 2, 1));
    const error = await remote.fail().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceProcessError);
    expect(error).toMatchObject({ code: 'idcard.no-card', kind: 'input', params: { tries: 2 } });
    const heard: [string, unknown][] = [];
    rpc.onEvent((event, payload) => heard.push([event, payload]));
    push('changed', { id: 'x' });
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([['changed', { id: 'x' }]]);
  });

  it('answers only methods of the service: not fields, not the constructor, not Object’s', async () => {
    const [core, device] = channel();
    serveApi(device, new CounterService());
    const rpc = new RpcClient(core);
    for (const name of ['total', 'constructor', 'toString', 'hasOwnProperty', 'nothing']) {
      await expect(rpc.call(name, []), name).rejects.toMatchObject({ code: 'error.internal', message: `no device method ${name}` });
    }
  });
});
