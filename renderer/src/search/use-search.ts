import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../contract/api/api.ts';
import { useClient } from '../station/client-context.ts';

export type SearchState =
  | { status: 'empty' }
  | { status: 'ok'; query: string; hits: SearchHit[] }
  | { status: 'error'; error: unknown };

/**
 * Searches as letters are typed. The previous results stay on screen until the next arrive (no flicker between
 * keys), and a reply for an older query is dropped.
 */
export function useSearch(query: string): SearchState {
  const client = useClient();
  const [state, setState] = useState<SearchState>({ status: 'empty' });
  useEffect(() => {
    if (query.length === 0) {
      setState({ status: 'empty' });
      return;
    }
    let live = true;
    client.catalogSearch({ query }).then(
      (hits) => {
        if (live) setState({ status: 'ok', query, hits });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [client, query]);
  return state;
}
