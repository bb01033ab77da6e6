import { relative, resolve } from 'node:path';
import { sqlOwners } from './layers.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const repoPath = (file) => relative(root, file).split('\\').join('/');

// Statements, not words: "SELECT … FROM", "INSERT INTO", "UPDATE t SET" … in capitals, as the project writes SQL.
const SQL = /\b(SELECT\s[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(CREATE|DROP|ALTER)\s+(TABLE|INDEX|UNIQUE|VIEW|TRIGGER|DATABASE)\b|PRAGMA\s+\w+)/;
// better-sqlite3's and pg's ways in; `.exec` only with text, since RegExp has an `exec` of its own.
const CALLS = new Set(['prepare', 'pragma', 'query']);

const textOf = (node) => {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  return undefined;
};

/** @type {import('eslint').Rule.RuleModule} */
export const sqlRule = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in the data layers (docs/architecture.md, "Data ownership")' },
    schema: [],
    messages: {
      text: 'SQL belongs to {{owners}}: add a method there and call it (this is {{file}})',
      call: "'.{{method}}(…)' runs SQL: only {{owners}} may (this is {{file}})",
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    if (file.startsWith('..') || sqlOwners.some((dir) => file.startsWith(dir)) || file.startsWith('tests/')) return {};
    const owners = sqlOwners.join(' and ');
    const text = (node, value) => {
      if (value !== undefined && SQL.test(value)) context.report({ node, messageId: 'text', data: { owners, file } });
    };
    return {
      Literal: (n) => {
        if (typeof n.value === 'string') text(n, n.value);
      },
      TemplateLiteral: (n) => text(n, textOf(n)),
      CallExpression: (n) => {
        const callee = n.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        const withText = textOf(n.arguments[0]) !== undefined;
        if ((CALLS.has(method) && (withText || method === 'pragma')) || (method === 'exec' && withText)) {
          context.report({ node: n, messageId: 'call', data: { method, owners, file } });
        }
      },
    };
  },
};
