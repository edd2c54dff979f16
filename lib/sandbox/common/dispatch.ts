import 'server-only';
import { getEnv } from '@/lib/server/env';
import { guardApiCall } from './api-guard';
import { sandboxClientLimit } from './client-limit';
import { handleControlEndpoint } from './control-endpoints';
import { jsonResponse } from './http';
import type { EmulatorContext, EmulatorDefinition } from './emulator';
import { handleAuthorize } from './oauth/authorize-endpoint';
import { recordViewerPage } from './record-viewer';
import { matchRoute } from './router';
import { loadEmulatorState } from './state';
import { countOAuthEndpoint } from './stats';

/** Routes one request to the right part of an emulator. */
export async function dispatchToEmulator(definition: EmulatorDefinition, path: string[], request: Request): Promise<Response> {
  const url = new URL(request.url);
  const ctx: EmulatorContext = {
    definition,
    state: await loadEmulatorState(definition.id),
    request,
    url,
    baseUrl: `${url.origin}/sandbox/${definition.id}`,
    params: {},
  };
  const method = request.method.toUpperCase();
  // Test switches only when the operator turned them on: nothing a request says (its Host) opens them.
  if (path[0]?.startsWith('_')) {
    const control = getEnv().sandboxControl ? await handleControlEndpoint(ctx, path) : null;
    return control ?? jsonResponse({ error: { code: 'not_found', message: 'There is no such sandbox endpoint.' } }, 404);
  }
  if (path[0] === 'ui' && method === 'GET') return recordViewerPage(ctx, path.slice(1));
  if (path.join('/') === definition.authorize.path && (method === 'GET' || method === 'POST')) {
    await countOAuthEndpoint(ctx.state, `${method} ${definition.authorize.path}`);
    return (await sandboxClientLimit(ctx, 'consent')) ?? handleAuthorize(ctx);
  }
  const match = matchRoute(definition.routes, method, path);
  if (!match) return definition.errors.notFound(ctx);
  const routeCtx = { ...ctx, params: match.params };
  const { route } = match;
  if (route.kind === 'public') {
    // Keyed by the pattern, never the path: v1 paths carry tokens.
    await countOAuthEndpoint(ctx.state, `${method} ${route.pattern}`);
    return (await sandboxClientLimit(ctx, 'oauth')) ?? route.handle(routeCtx);
  }
  return guardApiCall(routeCtx, (apiCtx) => route.handle(apiCtx));
}
