import { useEffect } from 'react';
import { useNav } from './nav-context.ts';

/** While `holding`, leaving this screen by 返回 or 首页 asks first; the guard goes with the screen. */
export function useLeaveGuard(holding: boolean): void {
  const nav = useNav();
  useEffect(() => {
    nav.guard(holding);
    return () => nav.guard(false);
  }, [nav, holding]);
}
