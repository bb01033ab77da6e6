import { z } from 'zod';

/** What a station prints on: 受理单 and slips on the receipt printer, guides and 委托书 on A4, 证件照 on photo paper. */
export const PRINTER_ROLES = ['receipt', 'a4', 'photo'] as const;
export type PrinterRole = (typeof PRINTER_ROLES)[number];
export const PrinterRoleSchema = z.enum(PRINTER_ROLES);
