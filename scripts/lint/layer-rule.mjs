import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { layers, maxDepthFromLayer, packages } from './layers.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const builtins = new Set(builtinModules);

const repoPath = (file) => relative(root, file).split('\\').join('/');
const layerOf = (file) => {
  const rel = repoPath(file);
  return layers.find((l) => rel.startsWith(l.dir));
};

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** @type {import('eslint').Rule.RuleModule} */
export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of docs/architecture.md (see scripts/lint/layers.mjs)' },
    schema: [],
    messages: {
      layer: "{{from}} may not import {{to}} ('{{spec}}'): allowed are {{allowed}}",
      deep: "{{from}} may not reach into {{to}}'s nested folders ('{{spec}}'): import a file at the top of the area",
      node: "{{from}} runs without Node: it may not import the Node built-in '{{spec}}'",
      electron: "only electron/shell/ may import 'electron' (this is {{from}})",
      package: "{{from}} may not import the package '{{spec}}'{{where}}",
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const file = resolve(dirname(context.filename), spec);
        const target = layerOf(file);
        if (!target || target === from) return;
        if (!from.may.includes(target.name)) {
          context.report({ node, messageId: 'layer', data: { from: from.name, to: target.name, spec, allowed: from.may.join(', ') } });
        } else if (repoPath(file).slice(target.dir.length).split('/').length > maxDepthFromLayer) {
          context.report({ node, messageId: 'deep', data: { from: from.name, to: target.name, spec } });
        }
        return;
      }
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      if (spec.startsWith('node:') || builtins.has(packageName(bare))) {
        if (!from.node) context.report({ node, messageId: 'node', data: { from: from.name, spec } });
        return;
      }
      const name = packageName(spec);
      if (name === 'electron' && !from.electron) {
        context.report({ node, messageId: 'electron', data: { from: from.name } });
        return;
      }
      const allowed = packages[name];
      if (!allowed || !allowed.includes(from.name)) {
        const where = allowed ? ` (it belongs to ${allowed.join(', ')})` : ' (it is not listed in scripts/lint/layers.mjs)';
        context.report({ node, messageId: 'package', data: { from: from.name, spec, where } });
      }
    };
    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => check(n, literal(n.source)),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require') check(n, literal(n.arguments[0]));
      },
    };
  },
};
