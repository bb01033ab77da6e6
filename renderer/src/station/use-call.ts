import { useEffect, useState } from 'react';
import type { Client } from '../../../contract/api/client.ts';
import { useClient } from './client-context.ts';

export type CallState<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: unknown };

/** Runs one call when the screen opens (and again when `deps` change); a reply for stale deps is dropped. */
export function useCall<T>(run: (client: Client) => Promise<T>, deps: readonly unknown[]): CallState<T> {
  const client = useClient();
  const [state, setState] = useState<CallState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    run(client).then(
      (value) => {
        if (live) setState({ status: 'ok', value });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
    // `run` is a fresh closure each render; what it depends on is listed in `deps`.
  }, [client, ...deps]);
  return state;
}
