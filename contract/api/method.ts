import type { z } from 'zod';
import type { Role } from '../domain/roles.ts';

/**
 * Who may call a method, declared with it (the township's route table does the same):
 * - `none`: anyone who reaches the station, nobody signed in — browsing the catalogue, the sign-in screen;
 * - `kiosk`: the villager at the kiosk, or any signed-in staff member (then the handler sees who); what a villager
 *   may see or file about a person is bound to the card the core itself read in this kiosk visit;
 * - `staff`: a signed-in staff member with one of `roles`;
 * - `operator`: only the person at the station's own shell (the `station` command), never over IPC or HTTP.
 * The `station` command acts as the operator, who may call every method.
 */
export type Auth =
  | { kind: 'none' }
  | { kind: 'kiosk' }
  | { kind: 'staff'; roles: readonly [Role, ...Role[]] }
  | { kind: 'operator' };

export const PUBLIC = { kind: 'none' } as const satisfies Auth;
export const KIOSK = { kind: 'kiosk' } as const satisfies Auth;
export const OPERATOR = { kind: 'operator' } as const satisfies Auth;
export const staff = <R extends [Role, ...Role[]]>(...roles: R) => ({ kind: 'staff', roles }) as const satisfies Auth;

/** One callable of the contract: its input and output schemas, what it is for, and who may call it. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Auth = Auth> {
  input: I;
  output: O;
  doc: string;
  auth: A;
}

/** A method; `auth` is required, so a method without a declaration of who may call it does not compile. */
export function method<I extends z.ZodType, O extends z.ZodType, A extends Auth>(input: I, output: O, doc: string, auth: A): MethodSpec<I, O, A> {
  return { input, output, doc, auth };
}

/** Who is calling, as the core resolved it from the session the call carried (or the transport, for the operator). */
export type Caller =
  | { kind: 'public' }
  /** `visit`: the kiosk visit the call carries (idcardRead starts one), or null before any card was read. */
  | { kind: 'kiosk'; visit: string | null }
  | { kind: 'staff'; staffId: number; role: Role; session: string }
  | { kind: 'operator' };
export type StaffCaller = Extract<Caller, { kind: 'staff' }>;
export type OperatorCaller = Extract<Caller, { kind: 'operator' }>;

/** The callers a method's handler can see, by its declaration: a staff method never sees the kiosk. */
export type CallerOf<A extends Auth> = A extends { kind: 'staff' }
  ? StaffCaller | OperatorCaller
  : A extends { kind: 'operator' }
    ? OperatorCaller
    : A extends { kind: 'kiosk' }
      ? Exclude<Caller, { kind: 'public' }>
      : Caller;
