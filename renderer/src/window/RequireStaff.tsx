import type { ReactNode } from 'react';
import { StaffLoginScreen } from '../screens/StaffLoginScreen.tsx';
import { useStaff } from '../staff/staff-context.ts';

/** A window screen shows only to a signed-in clerk; anyone else gets the sign-in in its place. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { current } = useStaff();
  return current === null ? <StaffLoginScreen /> : <>{children}</>;
}
