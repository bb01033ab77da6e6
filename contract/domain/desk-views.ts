import { z } from 'zod';

/**
 * The clerk's desk lists, in the order the desk shows them: today's cases, due within 3 working days, overdue, 容缺
 * owed, due dates a newly published holiday calendar moved, and the most recent.
 */
export const DESK_VIEWS = ['today', 'due-soon', 'overdue', 'owed', 'moved', 'recent'] as const;
export type DeskView = (typeof DESK_VIEWS)[number];
export const DeskViewSchema = z.enum(DESK_VIEWS);
