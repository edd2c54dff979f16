import 'server-only';
import type { EmulatorErrors } from '../common/emulator';
import { jsonResponse } from '../common/http';
import { uuid } from '../common/random';

/** Notion's error body: `{object:"error", status, code, message, request_id}`. */
export function notionError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ object: 'error', status, code, message, request_id: uuid(), ...extra }, status);
}

export const notionErrors: EmulatorErrors = {
  notFound: () => notionError(400, 'invalid_request_url', 'Invalid request URL.'),
  unauthorized: () => notionError(401, 'unauthorized', 'API token is invalid.'),
  rateLimited: () =>
    notionError(429, 'rate_limited', 'This request exceeds the number of requests allowed. Slow down and try again.', {
      additional_data: { rate_limit_reason: 'public_api_request_rate_limit' },
    }),
  serverError: (status) =>
    status === 503
      ? notionError(503, 'service_unavailable', 'Notion is unavailable, please try again later.')
      : notionError(status, 'internal_server_error', 'Unexpected error occurred.'),
};
