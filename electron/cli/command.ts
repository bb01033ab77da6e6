import { StationError } from '../../contract/domain/errors.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  /** Words that select it, e.g. ['catalog', 'search']. */
  path: string[];
  usage: string;
  run(args: string[], io: Io): Promise<number | 'keep-running'>;
}

export class UsageError extends StationError {
  constructor(text: string) {
    super('cli.usage', text, { params: { text }, kind: 'input' });
  }
}

export class InputUnreadableError extends StationError {
  constructor(file: string, cause: unknown) {
    super('cli.file-unreadable', `cannot read ${file}`, { params: { file }, kind: 'input', cause });
  }
}
