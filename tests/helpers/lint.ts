import { join } from 'node:path';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Lints `code` as if it were the repo file `file`, with one of the project's rules alone. */
export function lintWith(name: string, rule: Rule.RuleModule): (file: string, code: string) => string[] {
  return (file, code) =>
    new Linter({ configType: 'flat', cwd: repoRoot })
      .verify(
        code,
        [
          {
            files: ['**/*.ts', '**/*.tsx'],
            languageOptions: { parser: tseslint.parser as Linter.Parser },
            plugins: { doorstep: { rules: { [name]: rule } } },
            rules: { [`doorstep/${name}`]: 'error' },
          },
        ],
        join(repoRoot, file),
      )
      .map((m) => m.message);
}
