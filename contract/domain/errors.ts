/**
 * Errors that cross the contract. Every failure a user can see has a stable `code`, which is also the key of its
 * message in the catalogue (assets/messages/<locale>/*.json), and JSON-safe `params` for that message.
 */
export class StationError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  /** 2 = the caller's input is wrong (CLI exit code 2); 1 = anything else. */
  readonly kind: 'input' | 'failure';

  constructor(
    code: string,
    message: string,
    options: { params?: Record<string, string | number>; kind?: 'input' | 'failure'; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.params = options.params ?? {};
    this.kind = options.kind ?? 'failure';
  }

  toJSON(): SerializedError {
    return { name: this.name, code: this.code, message: this.message, params: this.params, kind: this.kind };
  }
}

export interface SerializedError {
  name: string;
  code: string;
  message: string;
  params: Record<string, string | number>;
  kind: 'input' | 'failure';
  /** Every bad field at once, for validation failures. */
  issues?: { path: string; message: string }[];
}

/** Input that fails validation: every problem at once, each with its path. */
export class ValidationError extends StationError {
  readonly issues: { path: string; message: string }[];
  constructor(what: string, issues: { path: string; message: string }[]) {
    super('error.validation', `${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`, {
      params: { what, count: issues.length },
      kind: 'input',
    });
    this.issues = issues;
  }
  override toJSON(): SerializedError {
    return { ...super.toJSON(), issues: this.issues };
  }
}
