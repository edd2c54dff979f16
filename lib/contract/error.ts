import { z } from 'zod';

/**
 * Every `code` the API answers in `{"error": {...}}` (HTTP bodies, the NDJSON end line, the
 * OAuth popup message). A new failure gets a new code here first; the server's typed errors
 * and the UI both use this union, so a bare string cannot drift from it.
 */
export const errorCodeSchema = z.enum([
  'bad_request',
  'invalid_request',
  'unknown_provider',
  'not_found',
  'method_not_allowed',
  'forbidden',
  'cross_site_request',
  'no_session',
  'not_connected',
  'reconnect_required',
  'invalid_state',
  'access_denied',
  'oauth_error',
  'oauth_failed',
  'provider_error',
  'provider_timeout',
  'rate_limited',
  'store_unavailable',
  'configuration_error',
  'internal_error',
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** `{"error": {"code", "message"}}`; extra fields in `error` (e.g. which provider failed) are allowed. */
export const errorBodySchema = z
  .object({
    error: z.looseObject({
      code: errorCodeSchema,
      message: z.string().min(1).describe('A sentence a person can act on'),
    }),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
