import { api, methodNames, type MethodInput, type MethodName, type MethodOutput } from './api.ts';
import { StationError, type SerializedError } from '../domain/errors.ts';
import { events, type EventName, type EventPayload } from './events.ts';
import type { CallReply } from './wire.ts';

/** How a client reaches the core: IPC in the app, HTTP in web mode. */
export interface Transport {
  call(method: MethodName, input: unknown): Promise<CallReply>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export type Client = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** An error the core reported; keeps its code so the UI can show the catalogue message. */
export class RemoteError extends StationError {
  readonly issues: { path: string; message: string }[];
  constructor(error: SerializedError) {
    super(error.code, error.message, { params: error.params, kind: error.kind });
    this.issues = error.issues ?? [];
  }
}

export function createClient(transport: Transport): Client {
  const client: Record<string, unknown> = {};
  for (const name of methodNames) {
    client[name] = async (input: unknown) => {
      const reply = await transport.call(name, input);
      if (!reply.ok) {
        throw new RemoteError(reply.error);
      }
      return api[name].output.parse(reply.value);
    };
  }
  client.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name !== event) return;
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  return client as Client;
}
