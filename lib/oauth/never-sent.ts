/**
 * Network failures that prove a request never reached the server (no connection was made),
 * so sending it again cannot present a single-use grant twice. Anything else (a timeout, a
 * reset connection, a 5xx) may come after the provider used the grant.
 */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function requestNeverSent(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && CONNECT_FAILURES.has(code)) return true;
  // Happy eyeballs: every address failed to connect.
  if (Array.isArray(errors) && errors.length > 0) return errors.every((inner) => requestNeverSent(inner, depth + 1));
  return requestNeverSent(cause, depth + 1);
}
