import type { Issue } from '../common/remote-issues.ts';

/** Problems the core found that belong to no form field, all of them, each with what it is about. */
export function IssueList({ issues }: { issues: readonly Issue[] }) {
  return (
    <ul className="issue-list" role="alert" data-testid="issue-list">
      {issues.map((i, n) => (
        <li key={`${i.path}:${n}`} data-testid="issue" data-path={i.path}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}
