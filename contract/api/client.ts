import { api, methodNames, type MethodInput, type MethodName, type MethodOutput } from './api.ts';
import { StationError, type SerializedError } from '../domain/errors.ts';
import { events, type EventName, type EventPayload } from './events.ts';
import type { CallReply } from './wire.ts';

/** What a call carries beside its input: the signed-in staff member's session, the kiosk visit. */
export interface Credentials {
  session: string | null;
  visit: string | null;
}

/** How a client reaches the core: IPC in the app, HTTP in web mode. */
export interface Transport {
  call(method: MethodName, input: unknown, credentials: Credentials): Promise<CallReply>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export type Client = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The session every later call carries (staffLogin's), or null once nobody is signed in. */
  setSession(session: string | null): void;
  /** The kiosk visit every later call carries (idcardRead's), or null once the villager has gone. */
  setVisit(visit: string | null): void;
};

/** An error the core reported; keeps its name, code and every bad field, so a screen or the CLI can say it. */
export class RemoteError extends StationError {
  readonly issues: { path: string; message: string }[];
  constructor(error: SerializedError) {
    super(error.code, error.message, { params: error.params, kind: error.kind });
    this.name = error.name;
    this.issues = error.issues ?? [];
  }
}

export function createClient(transport: Transport): Client {
  const client: Record<string, unknown> = {};
  const credentials: Credentials = { session: null, visit: null };
  for (const name of methodNames) {
    client[name] = async (input: unknown) => {
      const reply = await transport.call(name, input, { ...credentials });
      if (!reply.ok) {
        throw new RemoteError(reply.error);
      }
      return api[name].output.parse(reply.value);
    };
  }
  client.setSession = (next: string | null) => {
    credentials.session = next;
  };
  client.setVisit = (next: string | null) => {
    credentials.visit = next;
  };
  client.on = (event: EventName, listener: (payload: unknown) => void) =>
    transport.subscribe((name, payload) => {
      if (name !== event) return;
      const parsed = events[event].safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  return client as Client;
}
