import { z } from 'zod';

/**
 * Reads a token endpoint's error body. RFC 6749 section 5.2 puts the code in `error` and the text in
 * `error_description`; providers add their own: a provider code in `status` (BAD_REFRESH_TOKEN, ...)
 * or `code`, a `message`, a `correlationId` and a `category`. Every field is optional.
 */

const text = z.string().trim().min(1).max(500).optional().catch(undefined);

const errorBody = z
  .looseObject({
    error: text,
    error_description: text,
    code: text,
    status: text,
    message: text,
    category: text,
    correlationId: text,
  })
  .catch({});

export interface TokenErrorDetails {
  /** The most telling code: RFC 6749 `error`, else the provider's own, else `http_{status}`. */
  code: string;
  /** Every code the body names (`error`, `status`, `code`, `category`), to match provider-specific dead-grant codes. */
  codes: string[];
  description?: string;
  /** The provider's request id, for its support. */
  correlationId?: string;
}

// Generic provider error bodies say `"status": "error"`, which names nothing.
const GENERIC = new Set(['error']);

export function parseTokenError(httpStatus: number, body: unknown): TokenErrorDetails {
  const data = errorBody.parse(body && typeof body === 'object' ? body : {});
  const codes = [data.error, data.status, data.code, data.category].filter(
    (value, index, all): value is string => value !== undefined && !GENERIC.has(value) && all.indexOf(value) === index,
  );
  return {
    code: codes[0] ?? `http_${httpStatus}`,
    codes,
    description: data.error_description ?? data.message,
    correlationId: data.correlationId,
  };
}

/** True when the error names `invalid_grant` or one of the provider's own dead-grant codes. */
export function namesDeadGrant(codes: readonly string[], providerCodes: readonly string[] = []): boolean {
  return codes.some((code) => code === 'invalid_grant' || providerCodes.includes(code));
}
