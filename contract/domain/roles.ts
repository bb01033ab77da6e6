import { z } from 'zod';

/**
 * Who works at a station: 窗口工作人员 (clerk), 代办员 (agent, a villager who takes matters in on others' behalf and
 * never decides), 站长 (admin, who manages the station's staff), 运维人员 (technician, who installs and repairs it).
 */
export const ROLES = ['clerk', 'agent', 'admin', 'technician'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** The roles that take cases in and work on them at the window. */
export const CASE_ROLES = ['clerk', 'agent', 'admin'] as const satisfies readonly Role[];
