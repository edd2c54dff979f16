import { NextResponse, type NextRequest } from 'next/server';
import { randomToken } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { errorBody } from '@/lib/http';
import {
  SESSION_COOKIE,
  SESSION_HEADER,
  SESSION_MAX_AGE_SECONDS,
  createSessionCookieValue,
  verifySessionCookieValue,
} from '@/lib/session';

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

function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function isPage(pathname: string): boolean {
  return !pathname.startsWith('/api/') && !pathname.startsWith('/sandbox/');
}

/** Session cookie and security headers, for every request. */
export function proxy(request: NextRequest) {
  // Next answers a malformed %-escape in a dynamic segment with a bare 500; say what is wrong instead.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return Response.json(errorBody('bad_request', 'The URL path has a malformed %-escape.'), { status: 400 });
  }
  const env = getEnv();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(SESSION_HEADER);
  let newCookie: string | null = null;
  // The emulators stand for other sites: they neither need nor get the app's session.
  if (!request.nextUrl.pathname.startsWith('/sandbox/')) {
    let sessionId = verifySessionCookieValue(request.cookies.get(SESSION_COOKIE)?.value);
    if (!sessionId) {
      const created = createSessionCookieValue();
      sessionId = created.sessionId;
      newCookie = created.cookie;
    }
    requestHeaders.set(SESSION_HEADER, sessionId);
  }

  const page = isPage(request.nextUrl.pathname);
  const nonce = randomToken(16);
  const csp = pageContentSecurityPolicy(nonce, env.production);
  if (page) {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
  } else {
    requestHeaders.delete('x-nonce');
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (page) response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (newCookie) {
    response.cookies.set(SESSION_COOKIE, newCookie, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.publicOrigin.startsWith('https:'),
      path: '/',
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
