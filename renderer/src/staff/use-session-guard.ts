import { useEffect } from 'react';
import { StationError } from '../../../contract/domain/errors.ts';
import { useStaff } from './staff-context.ts';

/** A call refused because the clerk's session ran out: sign out, so the sign-in takes the screen's place. */
export function useSessionGuard(error: unknown): void {
  const { signOut } = useStaff();
  const expired = error instanceof StationError && error.code === 'staff.session-expired';
  useEffect(() => {
    if (expired) signOut();
  }, [expired, signOut]);
}
