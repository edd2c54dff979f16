import type { AppEnv } from '@/lib/env';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `localhost` and `127.0.0.1` are different sites to a browser, each with its own cookies,
 * so an OAuth flow that starts on one and returns to the other loses its session.
 * A page or authorize request that arrives on a loopback alias of the public origin is sent
 * to the public origin first. Returns the URL to redirect to, or null.
 */
export function loopbackAliasRedirect(url: URL, hostHeader: string | null, env: Pick<AppEnv, 'publicOrigin'>): URL | null {
  if (!hostHeader) return null;
  const publicOrigin = new URL(env.publicOrigin);
  let requestHost: URL;
  try {
    requestHost = new URL(`http://${hostHeader}`);
  } catch {
    return null;
  }
  if (requestHost.host === publicOrigin.host) return null;
  if (!LOOPBACK_HOSTS.has(requestHost.hostname) || !LOOPBACK_HOSTS.has(publicOrigin.hostname)) return null;
  if (requestHost.port !== publicOrigin.port) return null;
  const navigates =
    !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/sandbox/') && !url.pathname.startsWith('/_next/');
  const startsOAuth = /^\/api\/integrations\/[^/]+\/authorize$/.test(url.pathname);
  if (!navigates && !startsOAuth) return null;
  return new URL(`${url.pathname}${url.search}`, publicOrigin);
}
