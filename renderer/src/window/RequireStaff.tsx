import type { ReactNode } from 'react';
import { StaffLoginScreen } from '../screens/StaffLoginScreen.tsx';
import { useStaff } from '../staff/staff-context.ts';

/**
 * A staff screen shows only to someone signed in at its door (the window's clerks and agents, or the technician);
 * anyone else gets that door's sign-in in its place. The core refuses their calls anyway.
 */
export function RequireStaff({ door = 'window', children }: { door?: 'window' | 'technician'; children: ReactNode }) {
  const { current } = useStaff();
  const allowed = current !== null && (door === 'technician' ? current.role === 'technician' : current.role !== 'technician');
  return allowed ? <>{children}</> : <StaffLoginScreen door={door} />;
}
