import 'server-only';
import { jsonResponse } from '../common/http';
import type { TokenFailureReason } from '../common/oauth/token-exchange';
import { uuid } from '../common/random';

/**
 * HubSpot's OAuth error answer (v1 and 2026-03 alike): RFC 6749 `error` and `error_description`
 * beside HubSpot's own `status` (BAD_REFRESH_TOKEN, ...), `message`, `correlationId` and `category`
 * (the published OpenAPI file's Error schema requires the last three).
 */

export interface HubspotOAuthFailure {
  /** HubSpot's code, kept in `status` for older clients. */
  status: string;
  /** The RFC 6749 section 5.2 code. */
  error: string;
  category: 'VALIDATION_ERROR' | 'INVALID_AUTHENTICATION' | 'OBJECT_NOT_FOUND';
  httpStatus: number;
}

const failure = (status: string, error: string, category: HubspotOAuthFailure['category'] = 'VALIDATION_ERROR', httpStatus = 400) => ({
  status,
  error,
  category,
  httpStatus,
});

export const TOKEN_FAILURES: Record<TokenFailureReason, HubspotOAuthFailure> = {
  missing_client: failure('BAD_CLIENT_ID', 'invalid_client', 'INVALID_AUTHENTICATION'),
  unknown_client: failure('BAD_CLIENT_ID', 'invalid_client', 'INVALID_AUTHENTICATION'),
  bad_client_secret: failure('BAD_CLIENT_SECRET', 'invalid_client', 'INVALID_AUTHENTICATION'),
  unsupported_grant_type: failure('BAD_GRANT_TYPE', 'unsupported_grant_type'),
  missing_grant_type: failure('BAD_GRANT_TYPE', 'invalid_request'),
  invalid_code: failure('BAD_AUTH_CODE', 'invalid_grant'),
  redirect_uri_mismatch: failure('BAD_REDIRECT_URI', 'invalid_grant'),
  pkce_failed: failure('BAD_CODE_VERIFIER', 'invalid_grant'),
  invalid_refresh_token: failure('BAD_REFRESH_TOKEN', 'invalid_grant'),
  refresh_token_reused: failure('BAD_REFRESH_TOKEN', 'invalid_grant'),
};

export const BAD_REQUEST = failure('BAD_REQUEST', 'invalid_request');
export const UNSUPPORTED_MEDIA_TYPE = failure('UNSUPPORTED_MEDIA_TYPE', 'invalid_request', 'VALIDATION_ERROR', 415);
export const UNSUPPORTED_TOKEN_TYPE = failure('BAD_TOKEN_TYPE', 'unsupported_token_type');
export const BAD_ACCESS_TOKEN = failure('BAD_ACCESS_TOKEN', 'invalid_token', 'OBJECT_NOT_FOUND', 404);
export const BAD_REFRESH_TOKEN_V1 = failure('BAD_REFRESH_TOKEN', 'invalid_grant', 'OBJECT_NOT_FOUND', 404);

export function hubspotOAuthError(failure: HubspotOAuthFailure, description: string): Response {
  return jsonResponse(
    {
      status: failure.status,
      message: description,
      correlationId: uuid(),
      category: failure.category,
      error: failure.error,
      error_description: description,
    },
    failure.httpStatus,
  );
}
