import { errorBodySchema, type ErrorBody, type ErrorCode } from '@/lib/contract';

/** Codes the browser gives failures that never reached (or never came back from) the API. */
export type ClientErrorCode = 'network_error' | 'client_error' | 'bad_response' | 'stream_interrupted' | `http_${number}`;

/** An error the API reported as `{"error": {"code", "message"}}` (or a network/client failure mapped to that shape). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for the contract's error body, `{"error": {"code", "message"}}`. */
export function isErrorBody(value: unknown): value is ErrorBody {
  return errorBodySchema.safeParse(value).success;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'This integration is not connected.',
  429: 'Too many requests. Wait a moment and try again.',
  502: 'The provider returned an error. Try again.',
  503: 'The service is temporarily unavailable. Try again shortly.',
  504: 'The provider took too long to answer. Try again.',
};

/** Builds an ApiError from a failed response, preferring the message the server sent. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (isErrorBody(body)) return new ApiError(body.error.code, body.error.message, response.status);
  const message = FALLBACK_MESSAGES[response.status] ?? `The request failed (HTTP ${response.status}).`;
  return new ApiError(`http_${response.status}`, message, response.status);
}

/** Normalises anything thrown by fetch or our helpers into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) {
    return new ApiError('network_error', 'Could not reach the server. Check your connection and try again.');
  }
  if (error instanceof Error && error.message) return new ApiError('client_error', error.message);
  return new ApiError('client_error', 'Something went wrong. Try again.');
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
