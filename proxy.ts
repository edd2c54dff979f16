import { NextResponse, type NextRequest } from 'next/server';
import { allowedMethods } from '@/lib/server/api-routes';
import { randomToken } from '@/lib/server/crypto';
import { isCrossSiteRequest } from '@/lib/server/cross-site';
import { getEnv } from '@/lib/server/env';
import { errorBody, type ErrorCode } from '@/lib/contract';
import { SESSION_HEADER, createSessionCookieValue, sessionCookieName, sessionCookieOptions, signSessionId, verifySessionCookieValue } from '@/lib/server/session';

function pageContentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `object-src 'none'`,
  ].join('; ');
}

const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');
const isSandbox = (pathname: string) => pathname.startsWith('/sandbox/');
const isPage = (pathname: string) => !isApi(pathname) && !isSandbox(pathname);

/**
 * Routes that answer HTML with their own Referrer-Policy and CSP (the OAuth callback page, the
 * sandboxes' pages). Next keeps a header the proxy set over the route's own, so the proxy leaves
 * these two headers to them.
 */
const setsOwnPolicies = (pathname: string) => isSandbox(pathname) || /^\/api\/integrations\/[^/]+\/oauth2callback$/.test(pathname);

function jsonError(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(code, message), {
    status,
    headers: { 'cache-control': 'no-store', 'content-security-policy': API_CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', ...headers },
  });
}

/** Answers an `/api/` request the routes must not see: wrong method, cross-site write, `/api` itself. */
function refuseApiRequest(request: NextRequest, publicOrigin: string): Response | null {
  const { pathname } = request.nextUrl;
  const method = request.method.toUpperCase();
  if (pathname === '/api' || pathname === '/api/') return jsonError(404, 'not_found', `There is no API endpoint at ${pathname}.`);
  const allowed = allowedMethods(pathname);
  if (allowed && !allowed.includes(method)) {
    return jsonError(405, 'method_not_allowed', `${method} is not allowed on ${pathname}; use ${allowed.filter((m) => m !== 'HEAD' && m !== 'OPTIONS').join(' or ')}.`, {
      allow: allowed.join(', '),
    });
  }
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    const ownOrigin = `${request.nextUrl.protocol}//${request.headers.get('host') ?? request.nextUrl.host}`;
    if (isCrossSiteRequest(request.headers, [publicOrigin, ownOrigin])) {
      return jsonError(403, 'cross_site_request', 'This request came from another site; change connections from the app itself.');
    }
  }
  return null;
}

/** Session cookie and security headers, for every request. */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Next answers a malformed %-escape in a dynamic segment with a bare 500; say what is wrong instead.
  if (!isDecodablePath(pathname)) return jsonError(400, 'bad_request', 'The URL path has a malformed %-escape.');
  const env = getEnv();
  const https = env.publicOrigin.startsWith('https:');
  if (isApi(pathname)) {
    const refused = refuseApiRequest(request, env.publicOrigin);
    if (refused) return refused;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(SESSION_HEADER);
  let newCookie: string | null = null;
  // The emulators stand for other sites: they neither need nor get the app's session.
  if (!isSandbox(pathname)) {
    const session = verifySessionCookieValue(request.cookies.get(sessionCookieName())?.value);
    let sessionId = session?.sessionId;
    if (!sessionId) {
      const created = createSessionCookieValue();
      sessionId = created.sessionId;
      newCookie = created.cookie;
    } else if (session?.stale) {
      newCookie = signSessionId(sessionId); // signed with SECRET_KEY_PREVIOUS: same session, current key
    }
    requestHeaders.set(SESSION_HEADER, sessionId);
  }

  const page = isPage(pathname);
  const nonce = randomToken(16);
  const csp = pageContentSecurityPolicy(nonce, env.production);
  if (page) {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
  } else {
    requestHeaders.delete('x-nonce');
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!setsOwnPolicies(pathname)) {
    if (page) response.headers.set('content-security-policy', csp);
    else if (isApi(pathname)) response.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY);
    response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  }
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (https) response.headers.set('strict-transport-security', 'max-age=31536000');
  if (newCookie) response.cookies.set(sessionCookieName(), newCookie, sessionCookieOptions());
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
