import 'server-only';
import type { TokenFailureReason } from './token-exchange';

/** RFC 6749 §5.2 error code and HTTP status for each token failure. */
export const RFC_TOKEN_ERRORS: Record<TokenFailureReason, { error: string; httpStatus: number }> = {
  missing_client: { error: 'invalid_client', httpStatus: 401 },
  unknown_client: { error: 'invalid_client', httpStatus: 401 },
  bad_client_secret: { error: 'invalid_client', httpStatus: 401 },
  unsupported_grant_type: { error: 'unsupported_grant_type', httpStatus: 400 },
  missing_grant_type: { error: 'invalid_request', httpStatus: 400 },
  invalid_code: { error: 'invalid_grant', httpStatus: 400 },
  redirect_uri_mismatch: { error: 'invalid_grant', httpStatus: 400 },
  pkce_failed: { error: 'invalid_grant', httpStatus: 400 },
  invalid_refresh_token: { error: 'invalid_grant', httpStatus: 400 },
  refresh_token_reused: { error: 'invalid_grant', httpStatus: 400 },
};
