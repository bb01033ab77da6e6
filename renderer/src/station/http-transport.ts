import type { MethodName } from '../../../contract/api/api.ts';
import type { Credentials, Transport } from '../../../contract/api/client.ts';
import { events } from '../../../contract/api/events.ts';
import {
  HTTP_API_PREFIX,
  HTTP_CALL_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_SESSION_HEADER,
  HTTP_VISIT_HEADER,
  type CallReply,
} from '../../../contract/api/wire.ts';

/** Catalogue key shown when the station program cannot be reached at all. */
export const CONNECTION_ERROR_CODE = 'ui.error.connection';

const connectionFailure = (detail: string): CallReply => ({
  ok: false,
  error: { name: 'ConnectionError', code: CONNECTION_ERROR_CODE, message: detail, params: {}, kind: 'failure' },
});

async function post(method: MethodName, input: unknown, { session, visit }: Credentials): Promise<CallReply> {
  let response: Response;
  try {
    response = await fetch(`${HTTP_API_PREFIX}${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        [HTTP_CALL_HEADER]: '1',
        ...(session !== null && { [HTTP_SESSION_HEADER]: session }),
        ...(visit !== null && { [HTTP_VISIT_HEADER]: visit }),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    return connectionFailure(String(error));
  }
  // Every reply of the API is a JSON CallReply, whatever its status; anything else means we are not talking to it.
  try {
    return (await response.json()) as CallReply;
  } catch {
    return connectionFailure(`HTTP ${response.status} without a JSON reply`);
  }
}

/** Web mode (`station serve`): calls as POST /api/<method>, events over one shared EventSource. */
export function httpTransport(): Transport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | null = null;

  const open = () => {
    const es = new EventSource(HTTP_EVENTS_PATH);
    for (const name of Object.keys(events)) {
      es.addEventListener(name, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners) l(name, payload);
      });
    }
    return es;
  };

  return {
    call: post,
    subscribe(listener) {
      listeners.add(listener);
      source ??= open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
