import { useEffect, useState } from 'react';
import type { CallState } from '../station/use-call.ts';

/** The last value a call gave: a screen that reloads after a change keeps showing it instead of a blank. */
export function useLatest<T>(state: CallState<T>): T | null {
  const [latest, setLatest] = useState<T | null>(null);
  useEffect(() => {
    if (state.status === 'ok') setLatest(state.value);
  }, [state]);
  return state.status === 'ok' ? state.value : latest;
}
