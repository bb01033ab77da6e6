import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRule } from './scripts/lint/layer-rule.mjs';
import { sqlRule } from './scripts/lint/sql-rule.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { doorstep: { rules: { layers: layerRule, sql: sqlRule } } },
    rules: {
      'doorstep/layers': 'error',
      'doorstep/sql': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  { files: ['electron/**', 'db/**', 'native/**', 'township/**', 'scripts/**', 'tests/**', '*.js', '*.ts'], languageOptions: { globals: globals.node } },
);
