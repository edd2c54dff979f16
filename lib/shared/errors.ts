import type { ErrorCode } from '@/lib/contract';

/**
 * Typed errors with a stable `code` and the HTTP status the contract gives them.
 * Messages are sentences a person can act on; they are shown in the UI as they are.
 */
import { redact } from '@/lib/shared/redact';

// Next bundles a module once per route entry, so `instanceof` fails for an error created by
// another entry's copy (e.g. the store built at startup). A global symbol brand does not.
const BRAND = Symbol.for('integrations-hub/IntegrationError');

export function isIntegrationError(error: unknown): error is IntegrationError {
  return typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}

export class IntegrationError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ProviderNotFoundError extends IntegrationError {
  constructor(id: string) {
    super('unknown_provider', `There is no integration called "${id}".`, 404);
  }
}

export class NotConnectedError extends IntegrationError {
  constructor(displayName: string) {
    super('not_connected', `${displayName} is not connected in this browser session. Click Connect first.`, 401);
  }
}

export class ReconnectRequiredError extends IntegrationError {
  constructor(displayName: string, reason = 'its access was revoked or has expired') {
    super('reconnect_required', `${displayName} needs to be reconnected: ${reason}.`, 401);
  }
}

export class InvalidStateError extends IntegrationError {
  constructor(message: string) {
    super('invalid_state', message, 400);
  }
}

export class AccessDeniedError extends IntegrationError {
  constructor(displayName: string, description?: string) {
    const reason = description?.trim().replace(/[.\s]+$/, '');
    super('access_denied', `Access was not granted in ${displayName}${reason ? `: ${reason}` : ''}. Nothing was connected.`, 400);
  }
}

/** An OAuth error answer from a token endpoint (RFC 6749 section 5.2). */
export class OAuthRequestError extends IntegrationError {
  /** Every code the answer named (RFC `error`, the provider's own status or category). */
  readonly codes: readonly string[];
  readonly correlationId?: string;

  constructor(
    readonly oauthError: string,
    readonly description: string | undefined,
    displayName: string,
    action: string,
    extra: { codes?: readonly string[]; correlationId?: string } = {},
  ) {
    super(
      'oauth_error',
      // The reference is a support id the user may quote (a UUID that looks like a token): kept as is.
      redact(`${displayName} refused to ${action}: ${oauthError}${description ? ` (${description})` : ''}`) +
        `${extra.correlationId ? ` [reference ${extra.correlationId}]` : ''}.`,
      502,
    );
    this.codes = extra.codes ?? [oauthError];
    this.correlationId = extra.correlationId;
  }
}

export class ProviderError extends IntegrationError {
  constructor(displayName: string, detail: string, readonly providerStatus?: number) {
    super('provider_error', redact(`${displayName} answered with an error: ${detail}`), 502);
  }
}

export class ProviderTimeoutError extends IntegrationError {
  constructor(displayName: string, detail: string) {
    super('provider_timeout', redact(`${displayName} did not answer in time: ${detail}. Try again in a minute.`), 504);
  }
}

export class StoreUnavailableError extends IntegrationError {
  constructor(detail: string) {
    super('store_unavailable', `The credential store (Redis) is unreachable: ${redact(detail)}. Check REDIS_URL and that Redis is running.`, 503);
  }
}

export class BadRequestError extends IntegrationError {
  constructor(message: string) {
    super('bad_request', message, 400);
  }
}

/** Too many requests from this client: the answer carries Retry-After. */
export class RateLimitedError extends IntegrationError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('rate_limited', `Too many requests from this browser or network. Wait ${seconds} s and try again.`, 429);
    this.retryAfterSeconds = seconds;
  }
}
