import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedMethods } from '@/lib/server/api-routes';

/** Every route file under app/api (the catch-all aside), as [sample path, exported methods]. */
function apiRoutes(dir = 'app/api', urlPath = '/api'): Array<[string, string[]]> {
  const routes: Array<[string, string[]]> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('[...')) {
      const segment = entry.name.startsWith('[') ? 'hubspot' : entry.name;
      routes.push(...apiRoutes(join(dir, entry.name), `${urlPath}/${segment}`));
    } else if (entry.name === 'route.ts') {
      const source = readFileSync(join(dir, entry.name), 'utf8');
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]);
      routes.push([urlPath, methods.sort()]);
    }
  }
  return routes;
}

describe('lib/server/api-routes.ts (the methods the proxy answers 405 for)', () => {
  it.each(apiRoutes())('lists %s with exactly the methods its route file exports', (path, methods) => {
    const allowed = allowedMethods(path);
    expect(allowed, `${path} is missing from lib/server/api-routes.ts`).not.toBeNull();
    expect(allowed?.filter((method) => method !== 'HEAD' && method !== 'OPTIONS').sort()).toEqual(methods);
  });

  it('knows nothing of unknown paths (the catch-all answers 404)', () => {
    expect(allowedMethods('/api/nope')).toBeNull();
    expect(allowedMethods('/api/integrations/hubspot/items/extra')).toBeNull();
  });
});
