import { RemoteError } from '../../../contract/api/client.ts';

export interface Issue {
  path: string;
  message: string;
}

/** Every bad field of a validation failure, as the core listed them; none for any other error. */
export function validationIssues(error: unknown): Issue[] {
  return error instanceof RemoteError && error.code === 'error.validation' ? error.issues : [];
}
