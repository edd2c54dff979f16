import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module without types; the rule is exercised, not type-checked.
import boundaries from '../../../eslint/server-only-boundary.mjs';

const root = path.resolve(__dirname, '../../..');

function problems(file: string, code: string): string[] {
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser }, plugins: { local: boundaries as never }, rules: { 'local/server-only-boundary': 'error' } }],
    path.join(root, file),
  );
  return messages.map((message) => message.message);
}

describe('lint rule local/server-only-boundary', () => {
  it('rejects a server folder imported from components/', () => {
    expect(problems('components/Probe.tsx', "import { getStore } from '@/lib/store';")).toEqual([
      expect.stringContaining('lib/store/ runs only on the server'),
    ]);
  });

  it("rejects a module that imports 'server-only', from any 'use client' file", () => {
    expect(problems('app/probe.ts', "'use client';\nimport { marked } from '@/tests/unit/lint/fixtures/server-marked';")).toEqual([
      expect.stringContaining("it imports 'server-only'"),
    ]);
  });

  it('allows type-only imports and shared modules in client code', () => {
    expect(problems('lib/client/probe.ts', "import type { Connection } from '@/lib/oauth/connection-store';\nimport { safeUrl } from '@/lib/shared/items';")).toEqual([]);
  });

  it('rejects lib/server/ from the modules both sides import', () => {
    expect(problems('lib/shared/probe.ts', "import { getEnv } from '@/lib/server/env';")).toEqual([
      expect.stringContaining('lib/server/ runs only on the server'),
    ]);
    expect(problems('lib/contract/probe.ts', "import { log } from '@/lib/server/log';")).toEqual([
      expect.stringContaining('lib/server/ runs only on the server'),
    ]);
  });

  it('leaves server code alone', () => {
    expect(problems('lib/handlers/probe.ts', "import { getStore } from '@/lib/store';")).toEqual([]);
  });
});
