import { createContext, useContext } from 'react';
import type { MethodOutput } from '../../../contract/api/api.ts';

/** The clerk or agent signed in at this window: the session token every window call carries. */
export type StaffSession = MethodOutput<'staffLogin'>;

export interface StaffAuth {
  current: StaffSession | null;
  signIn(session: StaffSession): void;
  /** Ends the session at the core too; safe to call when nobody is signed in. */
  signOut(): void;
}

export const StaffContext = createContext<StaffAuth | null>(null);

export function useStaff(): StaffAuth {
  const auth = useContext(StaffContext);
  if (!auth) throw new Error('useStaff outside <StaffContext>');
  return auth;
}

/** The signed-in session, for screens only reachable behind RequireStaff. */
export function useStaffSession(): StaffSession {
  const { current } = useStaff();
  if (!current) throw new Error('useStaffSession without a signed-in clerk');
  return current;
}
