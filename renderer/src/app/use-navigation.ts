import { useMemo, useState } from 'react';
import type { Nav } from './nav-context.ts';
import type { Route } from './routes.ts';

/** A stack of screens; an empty stack is the attract screen. */
export function useNavigation(): { stack: Route[]; nav: Nav; reset(): void } {
  const [stack, setStack] = useState<Route[]>([]);
  const nav = useMemo<Nav>(
    () => ({
      push: (route) => setStack((s) => [...s, route]),
      // A tap racing the idle timeout must not bring a screen back once the stack is cleared.
      replace: (route) => setStack((s) => (s.length === 0 ? s : [...s.slice(0, -1), route])),
      back: () => setStack((s) => s.slice(0, -1)),
      home: () => setStack([{ screen: 'home' }]),
    }),
    [],
  );
  return { stack, nav, reset: () => setStack([]) };
}
