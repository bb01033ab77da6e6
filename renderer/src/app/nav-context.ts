import { createContext, useContext } from 'react';
import type { Route } from './routes.ts';

export interface Nav {
  push(route: Route): void;
  /** Replaces the current screen's route, e.g. to keep the letters typed so far when coming back to search. */
  replace(route: Route): void;
  back(): void;
  home(): void;
  /** While on, 返回 and 首页 ask before leaving: the screen holds work that would be lost. */
  guard(on: boolean): void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside <NavContext>');
  return nav;
}
