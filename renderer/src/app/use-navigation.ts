import { useMemo, useRef, useState } from 'react';
import type { Nav } from './nav-context.ts';
import type { Route } from './routes.ts';

type Leave = 'back' | 'home';

/**
 * A stack of screens; an empty stack is the attract screen. A screen holding work not yet handed in (an
 * application under way) guards it: 返回 and 首页 then ask first (`leaving`), and only `confirmLeave` goes.
 */
export function useNavigation(): { stack: Route[]; nav: Nav; reset(): void; leaving: Leave | null; confirmLeave(): void; cancelLeave(): void } {
  const [stack, setStack] = useState<Route[]>([]);
  const [leaving, setLeaving] = useState<Leave | null>(null);
  const guarded = useRef(false);
  const go = useMemo(
    () => ({
      back: () => setStack((s) => s.slice(0, -1)),
      home: () => setStack([{ screen: 'home' }]),
    }),
    [],
  );
  const nav = useMemo<Nav>(
    () => ({
      push: (route) => setStack((s) => [...s, route]),
      // A tap racing the idle timeout must not bring a screen back once the stack is cleared.
      replace: (route) => setStack((s) => (s.length === 0 ? s : [...s.slice(0, -1), route])),
      back: () => (guarded.current ? setLeaving('back') : go.back()),
      home: () => (guarded.current ? setLeaving('home') : go.home()),
      guard: (on) => {
        guarded.current = on;
      },
    }),
    [go],
  );
  return {
    stack,
    nav,
    reset: () => {
      guarded.current = false;
      setLeaving(null);
      setStack([]);
    },
    leaving,
    confirmLeave: () => {
      if (leaving === null) return;
      guarded.current = false;
      setLeaving(null);
      go[leaving]();
    },
    cancelLeave: () => setLeaving(null),
  };
}
