import { api, isMethodName, type HandlerInput, type MethodName, type MethodOutput } from '../../contract/api/api.ts';
import { StationError } from '../../contract/domain/errors.ts';
import { parseOrThrow } from '../../contract/domain/validate.ts';
import type { CallReply } from '../../contract/api/wire.ts';
import type { Logger } from './log.ts';

/** Who is calling: which transport, for the log and (later) for role checks. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli';
}

export type Handlers = {
  [M in MethodName]: (input: HandlerInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

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

/**
 * The one entry to the core for every transport: validates the input, runs the handler, validates the output,
 * and turns any failure into a JSON-safe error. Unexpected errors are logged and reported without their details.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
  logger: Logger,
): Promise<CallReply> {
  try {
    if (!isMethodName(name)) throw new UnknownMethodError(name);
    const input = parseOrThrow(api[name].input, rawInput ?? {}, `input of ${name}`);
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const output = await handler(input, ctx);
    const checked = api[name].output.safeParse(output);
    if (!checked.success) {
      logger.log('error', 'contract.bad-output', { method: name, issues: checked.error.issues.slice(0, 5) });
      throw new InternalError();
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof StationError) {
      logger.log(error.kind === 'input' ? 'info' : 'warn', 'call.failed', { method: name, code: error.code });
      return { ok: false, error: error.toJSON() };
    }
    logger.log('error', 'call.crashed', { method: name, error: String((error as Error)?.stack ?? error) });
    return { ok: false, error: new InternalError().toJSON() };
  }
}
