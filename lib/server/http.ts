import 'server-only';
import { isConfigurationError } from '@/lib/server/env';
import { errorBody, type ErrorBody } from '@/lib/contract';
import { isIntegrationError } from '@/lib/shared/errors';
import { log } from '@/lib/server/log';

/** Maps any thrown value to the contract's error shape; unknown errors are logged, never leaked. */
export function toErrorResponse(error: unknown): Response {
  const { status, body } = describeError(error);
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" };
  const retryAfter = isIntegrationError(error) ? (error as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
  return Response.json(body, { status, headers });
}

export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (isIntegrationError(error)) {
    return { status: error.status, body: errorBody(error.code, error.message) };
  }
  if (isConfigurationError(error)) {
    return { status: 500, body: errorBody('configuration_error', error.message) };
  }
  log.error('[integrations-hub] unexpected error', error);
  return { status: 500, body: errorBody('internal_error', 'Something went wrong on our side. Try again; if it persists, check the server log.') };
}

/** Runs a handler and turns whatever it throws into a JSON error response. */
export async function withErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return toErrorResponse(error);
  }
}
