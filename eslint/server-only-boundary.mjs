// ESLint rule: code that runs in the browser ('use client' files, components/, lib/client/) and the
// modules both sides import (lib/shared/, lib/contract/) must not import server-only modules: anything under the server folders below, or any module that itself
// imports 'server-only'. Next would fail the build anyway; this says so at the import, with the reason.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVER_FOLDERS = ['lib/server', 'lib/store', 'lib/oauth', 'lib/handlers', 'lib/providers', 'lib/sandbox'];
const CLIENT_FOLDERS = ['components/', 'lib/client/', 'lib/shared/', 'lib/contract/'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''];
const marksServerOnly = new Map();

function resolveFromRoot(root, specifier, fromFile) {
  if (specifier.startsWith('@/')) return path.join(root, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

function importsServerOnly(file) {
  for (const ext of EXTENSIONS) {
    const candidate = file + ext;
    if (!existsSync(candidate) || !/\.tsx?$/.test(candidate)) continue;
    if (!marksServerOnly.has(candidate)) {
      marksServerOnly.set(candidate, /^import\s+['"]server-only['"]/m.test(readFileSync(candidate, 'utf8')));
    }
    return marksServerOnly.get(candidate);
  }
  return false;
}

function isClientFile(context, relative) {
  if (CLIENT_FOLDERS.some((folder) => relative.startsWith(folder))) return true;
  return context.sourceCode.ast.body.some(
    (node) => node.type === 'ExpressionStatement' && node.directive === 'use client',
  );
}

export const serverOnlyBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep server-only modules out of code that runs in the browser' },
    schema: [],
    messages: {
      serverImport:
        "'{{specifier}}' is server-only ({{reason}}); client code must not import it. Move the shared part to a module without 'server-only' (e.g. lib/contract).",
    },
  },
  create(context) {
    const root = context.cwd;
    const relative = path.relative(root, context.filename).split(path.sep).join('/');
    if (!isClientFile(context, relative)) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      if (node.importKind === 'type' || node.exportKind === 'type') return;
      const specifier = node.source.value;
      let reason = null;
      if (specifier === 'server-only') reason = 'it is the server-only marker';
      const resolved = resolveFromRoot(root, specifier, context.filename);
      if (!reason && resolved) {
        const target = path.relative(root, resolved).split(path.sep).join('/');
        const folder = SERVER_FOLDERS.find((dir) => target === dir || target.startsWith(`${dir}/`));
        if (folder) reason = `${folder}/ runs only on the server`;
        else if (importsServerOnly(resolved)) reason = "it imports 'server-only'";
      }
      if (reason) context.report({ node: node.source, messageId: 'serverImport', data: { specifier, reason } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: (node) => check({ source: node.source }) };
  },
};

const plugin = { rules: { 'server-only-boundary': serverOnlyBoundary } };
export default plugin;
