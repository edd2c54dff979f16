import 'server-only';
import { randomToken } from '@/lib/server/crypto';
import { getEnv } from '@/lib/server/env';
import { escapeHtml } from '@/lib/server/html';
import { type ErrorCode, oauthResultMessage, type OAuthResultMessage } from '@/lib/contract';
import type { AccountInfo } from '@/lib/providers/types';

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function successMessage(provider: string, account: AccountInfo): OAuthResultMessage {
  return oauthResultMessage({ provider, ok: true, account: { id: account.id, label: account.label } });
}

export function failureMessage(provider: string, code: ErrorCode, message: string): OAuthResultMessage {
  return oauthResultMessage({ provider, ok: false, error: { code, message } });
}

/**
 * The page the OAuth popup lands on: it tells the window that opened it (exact origin only)
 * and closes on success; on failure it stays open and says what went wrong.
 */
export function callbackPage(result: OAuthResultMessage, displayName: string, status: number): Response {
  const nonce = randomToken(16);
  const origin = getEnv().publicOrigin;
  const title = result.ok ? `Connected to ${displayName}` : `Could not connect to ${displayName}`;
  const detail = result.ok
    ? `Connected${result.account ? ` as ${result.account.label}` : ''}. This window closes by itself.`
    : result.error.message;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6fb;color:#1b2330;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:14px;box-shadow:0 6px 24px rgba(20,30,60,.12);padding:32px 36px;max-width:440px;margin:16px}
h1{font-size:20px;margin:0 0 8px;color:${result.ok ? '#1b7f4b' : '#b3261e'}}
p{margin:0 0 20px;color:#4a5568}
a{display:inline-block;background:#3b5bdb;color:#fff;text-decoration:none;padding:8px 16px;border-radius:8px;font-weight:600}
</style></head>
<body><main data-testid="oauth-result" data-ok="${result.ok}">
<h1>${escapeHtml(title)}</h1>
<p data-testid="oauth-message">${escapeHtml(detail)}</p>
<a href="/">Back to Integrations Hub</a>
</main>
<script nonce="${nonce}">
(function () {
  var message = ${scriptJson(result)};
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(message, ${scriptJson(origin)});
    if (message.ok) window.close();
  }
})();
</script></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    },
  });
}

/** Full-page flows (blocked popup) go back to the app with the result code in the query string (no free text). */
export function redirectBack(result: OAuthResultMessage): Response {
  const url = new URL('/', getEnv().publicOrigin);
  url.searchParams.set('provider', result.provider);
  if (result.ok) url.searchParams.set('connected', '1');
  else url.searchParams.set('oauth_error', result.error.code);
  return new Response(null, { status: 303, headers: { location: url.toString(), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
}
