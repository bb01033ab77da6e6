import type { StaffSession } from './staff-context.ts';

export const ROLE_KEYS: Record<StaffSession['role'], string> = {
  clerk: 'ui.staff.role.clerk',
  agent: 'ui.staff.role.agent',
  admin: 'ui.staff.role.admin',
  technician: 'ui.staff.role.technician',
};
