import { errorCodeSchema, oauthResultMessageSchema, type ErrorCode, type OAuthResult } from '@/lib/contract';
import { authorizeUrl } from './api';

export type { OAuthResult };

/**
 * Validates a postMessage event from the OAuth callback page (the contract's OAuthResultMessage).
 * Only messages from this exact origin, tagged with our source and type, are accepted.
 */
export function parseOAuthMessage(event: { origin: string; data: unknown }, expectedOrigin: string): OAuthResult | null {
  if (event.origin !== expectedOrigin) return null;
  const parsed = oauthResultMessageSchema.safeParse(event.data);
  if (!parsed.success) return null;
  const { source: _source, type: _type, ...result } = parsed.data;
  return result;
}

/**
 * What each failure code of the full-page fallback means. The text is ours, never read from the
 * URL: anyone can craft a link to this page, and it must not display words they chose.
 */
const REDIRECT_ERROR_MESSAGES: Partial<Record<ErrorCode, string>> = {
  access_denied: 'Access was not granted. Nothing was connected.',
  invalid_state: 'This sign-in expired, was already used, or was started in another window. Try Connect again.',
  oauth_error: 'The provider refused the connection. Try Connect again.',
  provider_error: 'The provider answered with an error. Try Connect again.',
  provider_timeout: 'The provider did not answer in time. Try Connect again in a minute.',
  store_unavailable: 'The server could not reach its credential store. Try again shortly.',
};

/** Result of a full-page redirect fallback, read from the query string (`connected=1` / `oauth_error=`). */
export function parseRedirectResult(search: string): OAuthResult | null {
  const params = new URLSearchParams(search);
  const provider = params.get('provider');
  if (!provider) return null;
  if (params.get('connected') === '1') return { provider, ok: true, account: null };
  const code = params.get('oauth_error');
  if (!code) return null;
  const known = errorCodeSchema.safeParse(code);
  const message = known.success && Object.hasOwn(REDIRECT_ERROR_MESSAGES, known.data) ? REDIRECT_ERROR_MESSAGES[known.data] : undefined;
  return message && known.success
    ? { provider, ok: false, error: { code: known.data, message } }
    : { provider, ok: false, error: { code: 'oauth_failed', message: 'The connection was not completed.' } };
}

/** The query string without the OAuth redirect-result parameters (keeps anything else, e.g. `provider`). */
export function stripRedirectParams(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of ['connected', 'oauth_error', 'message']) params.delete(key);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

export interface PopupFlowHandlers {
  onResult: (result: OAuthResult) => void;
  /** The user closed the popup without a result arriving. */
  onClosed: () => void;
}

export interface PopupFlow {
  /** Stops listening (does not close the popup). */
  dispose: () => void;
  focus: () => void;
}

/**
 * Opens the provider's consent flow in a popup. Returns null when the browser blocked the popup,
 * in which case the caller should fall back to `redirectToAuthorize`.
 */
export function startPopupFlow(provider: string, handlers: PopupFlowHandlers): PopupFlow | null {
  const popup = window.open(authorizeUrl(provider), `oauth-${provider}`, 'popup,width=600,height=720');
  if (!popup) return null;

  let finished = false;
  const origin = window.location.origin;

  const finish = () => {
    finished = true;
    window.removeEventListener('message', onMessage);
    window.clearInterval(timer);
    if (closeGrace !== null) window.clearTimeout(closeGrace);
  };

  const onMessage = (event: MessageEvent) => {
    if (finished) return;
    const result = parseOAuthMessage(event, origin);
    if (!result || result.provider !== provider) return;
    finish();
    handlers.onResult(result);
  };

  let closeGrace: number | null = null;
  const timer = window.setInterval(() => {
    if (finished || closeGrace !== null) return;
    let closed = false;
    try {
      closed = popup.closed;
    } catch {
      closed = false;
    }
    if (closed) {
      // The callback page posts its message right before closing itself: give it a moment to arrive.
      closeGrace = window.setTimeout(() => {
        if (finished) return;
        finish();
        handlers.onClosed();
      }, 400);
    }
  }, 500);

  window.addEventListener('message', onMessage);
  return {
    dispose: () => {
      if (!finished) finish();
    },
    focus: () => {
      try {
        popup.focus();
      } catch {
        /* cross-origin or closed */
      }
    },
  };
}

/** Full-page fallback when popups are blocked; the server redirects back with the result. */
export function redirectToAuthorize(provider: string): void {
  window.location.assign(authorizeUrl(provider, 'redirect'));
}
