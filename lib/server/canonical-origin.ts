import type { AppEnv } from '@/lib/server/env';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/**
 * `localhost` and `127.0.0.1` are different sites to a browser, each with its own cookies,
 * so an OAuth flow that starts on one and returns to the other (the redirect URI is on the
 * public origin) loses its session. The page is therefore served only on the public origin:
 * this returns where a page request on a loopback alias of it should go, or null.
 */
export function loopbackAliasRedirect(pathAndQuery: string, hostHeader: string | null, env: Pick<AppEnv, 'publicOrigin'>): URL | null {
  if (!hostHeader) return null;
  const publicOrigin = new URL(env.publicOrigin);
  let requestHost: URL;
  try {
    requestHost = new URL(`http://${hostHeader}`);
  } catch {
    return null;
  }
  if (requestHost.host === publicOrigin.host) return null;
  if (!isLoopbackHostname(requestHost.hostname) || !isLoopbackHostname(publicOrigin.hostname)) return null;
  if (requestHost.port !== publicOrigin.port) return null;
  return new URL(pathAndQuery, publicOrigin);
}
