import { api, isMethodName, type HandlerInput, type MethodCaller, type MethodName, type MethodOutput } from '../../contract/api/api.ts';
import type { Auth, Caller } from '../../contract/api/method.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import { StationError } from '../../contract/domain/errors.ts';
import type { Role } from '../../contract/domain/roles.ts';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import type { Logger } from './log.ts';
import { isDiskFull, StorageFullError } from './storage-guard.ts';

/** How a call arrived: which transport, and the session and kiosk visit it carried, if any. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli';
  session?: string | null;
  visit?: string | null;
}

export type Handlers = {
  [M in MethodName]: (input: HandlerInput<M>, caller: MethodCaller<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What dispatch needs besides the handlers: the log, and who a session belongs to. */
export interface DispatchDeps {
  logger: Logger;
  /** Throws a typed error for an unknown or ended session. */
  resolveSession(token: string): { staffId: number; role: Role };
  /** Records a call the operator made at the station's shell, for the audit trail. */
  auditOperator(method: MethodName): void;
}

class UnknownMethodError extends StationError {
  constructor(name: string) {
    super('error.unknown-method', `unknown method ${name.slice(0, 60)}`, { kind: 'input' });
  }
}

class InternalError extends StationError {
  constructor() {
    super('error.internal', 'internal error');
  }
}

/** A call its caller may not make: nobody signed in, the wrong role, or the operator's alone. */
export class NotAllowedError extends StationError {
  constructor(code: 'auth.sign-in-needed' | 'auth.role-needed' | 'auth.operator-only', method: string, params: Record<string, string> = {}) {
    super(code, `${method}: ${code}`, { params: { method, ...params }, kind: 'input' });
  }
}

/** Who is calling, by the method's declaration: refused here, before any handler runs, if they may not. */
export function resolveCaller(name: MethodName, auth: Auth, ctx: CallContext, deps: Pick<DispatchDeps, 'resolveSession'>): Caller {
  if (ctx.transport === 'cli') return { kind: 'operator' };
  if (auth.kind === 'operator') throw new NotAllowedError('auth.operator-only', name);
  // A session that is sent must be good, whatever the method: a stale one is said, not silently dropped.
  const staff = ctx.session ? { kind: 'staff' as const, ...deps.resolveSession(ctx.session), session: ctx.session } : null;
  if (auth.kind === 'staff') {
    if (!staff) throw new NotAllowedError('auth.sign-in-needed', name);
    if (!auth.roles.includes(staff.role)) throw new NotAllowedError('auth.role-needed', name, { role: staff.role, roles: auth.roles.join(',') });
    return staff;
  }
  if (staff) return staff;
  return auth.kind === 'kiosk' ? { kind: 'kiosk', visit: ctx.visit ?? null } : { kind: 'public' };
}

/**
 * The one entry to the core for every transport: validates the input, resolves the caller against the method's
 * declared auth, runs the handler, validates the output, and turns any failure into a JSON-safe error.
 * Unexpected errors are logged and reported without their details.
 */
export async function dispatch(handlers: Handlers, name: string, rawInput: unknown, ctx: CallContext, deps: DispatchDeps): Promise<CallReply> {
  const { logger } = deps;
  try {
    if (!isMethodName(name)) throw new UnknownMethodError(name);
    const caller = resolveCaller(name, api[name].auth, ctx, deps);
    const input = parseOrThrow(api[name].input, rawInput ?? {}, `input of ${name}`);
    if (caller.kind === 'operator') deps.auditOperator(name);
    const handler = handlers[name] as (input: unknown, caller: Caller) => unknown;
    const output = await handler(input, caller);
    const checked = api[name].output.safeParse(output);
    if (!checked.success) {
      logger.log('error', 'contract.bad-output', { method: name, issues: checked.error.issues.slice(0, 5) });
      throw new InternalError();
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    // A full disk found by a write (SQLite's or the file system's) is the station's state, not a crash.
    if (!(error instanceof StationError) && isDiskFull(error)) error = new StorageFullError(0);
    if (error instanceof StationError) {
      logger.log(error.kind === 'input' ? 'info' : 'warn', 'call.failed', { method: name, code: error.code });
      return { ok: false, error: error.toJSON() };
    }
    logger.log('error', 'call.crashed', { method: name, error: String((error as Error)?.stack ?? error) });
    return { ok: false, error: new InternalError().toJSON() };
  }
}
