import 'server-only';
import type { EmulatorRoute } from './emulator';

/** Matches `a/:b/c` style patterns against path segments. */

export interface RouteMatch {
  route: EmulatorRoute;
  params: Record<string, string>;
}

function matchPattern(pattern: string, path: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/');
  if (parts.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (part.startsWith(':')) {
      if (path[i] === '') return null;
      params[part.slice(1)] = path[i];
    } else if (part !== path[i]) {
      return null;
    }
  }
  return params;
}

export function matchRoute(routes: readonly EmulatorRoute[], method: string, path: readonly string[]): RouteMatch | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
