import 'server-only';
import type { EmulatorErrors, UnauthorizedReason } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { uuid } from '../common/random';

/** HubSpot's error bodies: `{status, message, correlationId, category}`. */

export function hubspotError(status: number, message: string, category: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ status: 'error', message, correlationId: uuid(), category, ...extra }, status);
}

export function hubspotValidationError(message: string, errors: Array<Record<string, unknown>> = []): Response {
  return hubspotError(400, message, 'VALIDATION_ERROR', errors.length > 0 ? { errors } : {});
}

const UNAUTHORIZED_MESSAGES: Record<UnauthorizedReason, { message: string; category: string }> = {
  missing: {
    message:
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    category: 'INVALID_AUTHENTICATION',
  },
  invalid: {
    message:
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    category: 'INVALID_AUTHENTICATION',
  },
  expired: {
    message: 'The OAuth token used to make this call expired. Refresh it and try again.',
    category: 'EXPIRED_AUTHENTICATION',
  },
};

export const hubspotErrors: EmulatorErrors = {
  notFound: () => hubspotError(404, 'Resource not found', 'OBJECT_NOT_FOUND'),
  unauthorized: (reason) => hubspotError(401, UNAUTHORIZED_MESSAGES[reason].message, UNAUTHORIZED_MESSAGES[reason].category),
  rateLimited: () =>
    jsonResponse(
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: uuid(),
        policyName: 'TEN_SECONDLY_ROLLING',
        requestId: uuid(),
      },
      429,
    ),
  serverError: (status) =>
    hubspotError(status, status === 500 ? 'internal error' : 'The service is temporarily unavailable.', 'INTERNAL_ERROR'),
};

/** CRM Search's own throttle (its 5 requests/s budget); the SDK retries on exactly this message. */
export function hubspotSearchRateLimited(): Response {
  return jsonResponse(
    {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId: uuid(),
      policyName: 'SECONDLY',
      requestId: uuid(),
    },
    429,
  );
}
