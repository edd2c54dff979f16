import 'server-only';
import type { EmulatorErrors } from '../common/emulator';
import { jsonResponse } from '../common/http';

/** Airtable's error bodies: `{"error":{"type","message"}}`, and the odd 429 list shape. */

export function airtableError(status: number, type: string, message: string): Response {
  return jsonResponse({ error: { type, message } }, status);
}

export function airtableModelNotFound(): Response {
  return airtableError(
    403,
    'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND',
    'Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.',
  );
}

export const airtableErrors: EmulatorErrors = {
  notFound: () => jsonResponse({ error: 'NOT_FOUND' }, 404),
  unauthorized: () => airtableError(401, 'AUTHENTICATION_REQUIRED', 'Authentication required'),
  rateLimited: () =>
    jsonResponse({ errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }] }, 429),
  serverError: (status) =>
    status === 500
      ? airtableError(500, 'SERVER_ERROR', 'Try again. If the problem persists, contact support.')
      : airtableError(status, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Please retry shortly.'),
};
