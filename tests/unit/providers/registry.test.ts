import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProvider, getProvider, providers } from '@/lib/providers';

describe('provider registry', () => {
  it.each(providers.map((provider) => [provider.id, provider] as const))('%s is a valid definition', (_id, provider) => {
    expect(provider.id).toMatch(/^[a-z][a-z0-9]*$/);
    expect(provider.displayName.length).toBeGreaterThan(0);
    expect(provider.itemTypes.length).toBeGreaterThan(0);
    expect(new URL(provider.authorization.endpoint.live).protocol).toBe('https:');
    expect(new URL(provider.api.endpoint.live).protocol).toBe('https:');
    expect(provider.rateLimit.requests).toBeGreaterThan(0);
    expect(typeof provider.listItems).toBe('function');
  });

  it('has unique ids and rejects unknown ones', () => {
    expect(new Set(providers.map((provider) => provider.id)).size).toBe(providers.length);
    expect(findProvider('nope')).toBeNull();
    expect(() => getProvider('nope')).toThrow(/no integration called "nope"/);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('provider-independent code', () => {
  it('names no provider anywhere outside lib/providers and lib/sandbox', () => {
    const roots = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts'];
    const files = roots
      .flatMap((root) => (statSync(root).isDirectory() ? filesUnder(root) : [root]))
      .filter((path) => /\.(ts|tsx)$/.test(path))
      .filter((path) => !/^lib[\\/](providers|sandbox)[\\/]/.test(path));
    expect(files.some((path) => /^lib[\\/]server[\\/]/.test(path))).toBe(true);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((path) => {
      const source = readFileSync(path, 'utf8').toLowerCase();
      return providers.some((provider) => source.includes(provider.id));
    });
    expect(offenders).toEqual([]);
  });
});
