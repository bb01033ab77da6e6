import type { FormSchema } from '../../../contract/domain/forms.ts';
import type { Issue } from '../common/remote-issues.ts';

/** The form field an issue is about: the core names it by id, input validation as `form.<id>`. */
export function issueField(form: FormSchema | undefined, path: string): string | null {
  const id = path.startsWith('form.') ? path.slice('form.'.length).split(/[.[]/)[0]! : path;
  return form?.fields.some((f) => f.id === id) ? id : null;
}

/** Issues sorted out: one message per form field, and the rest (about anything else) in a list. */
export function sortIssues(form: FormSchema | undefined, issues: readonly Issue[]): { byField: Map<string, string>; other: Issue[] } {
  const byField = new Map<string, string>();
  const other: Issue[] = [];
  for (const issue of issues) {
    const id = issueField(form, issue.path);
    if (id === null) other.push(issue);
    else if (!byField.has(id)) byField.set(id, issue.message);
  }
  return { byField, other };
}
