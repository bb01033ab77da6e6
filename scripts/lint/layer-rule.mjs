import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { layers, uiPackages } from './layers.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const builtins = new Set(builtinModules);

const layerOf = (file) => {
  const rel = relative(root, file).split('\\').join('/');
  return layers.find((l) => rel.startsWith(l.dir));
};

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

/** @type {import('eslint').Rule.RuleModule} */
export const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of DESIGN.md §3 (see scripts/lint/layers.mjs)' },
    schema: [],
    messages: {
      layer: "{{from}} may not import {{to}} ('{{spec}}'): allowed are {{allowed}}",
      node: "{{from}} runs without Node: it may not import the Node built-in '{{spec}}'",
      electron: "only electron/shell/ may import 'electron' (this is {{from}})",
      ui: "{{from}} may not import the UI package '{{spec}}'",
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = layerOf(resolve(dirname(context.filename), spec));
        if (target && !from.may.includes(target.name)) {
          context.report({ node, messageId: 'layer', data: { from: from.name, to: target.name, spec, allowed: from.may.join(', ') } });
        }
        return;
      }
      const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
      if (spec.startsWith('node:') || builtins.has(packageName(bare))) {
        if (!from.node) context.report({ node, messageId: 'node', data: { from: from.name, spec } });
        return;
      }
      if (packageName(spec) === 'electron' && !from.electron) {
        context.report({ node, messageId: 'electron', data: { from: from.name } });
        return;
      }
      if (from.name !== 'renderer' && uiPackages.includes(spec)) {
        context.report({ node, messageId: 'ui', data: { from: from.name, spec } });
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
