/**
 * Removes credentials from text bound for a log line or an error message: query strings, OAuth
 * parameters and JSON fields, Authorization values, URL user-info, and anything shaped like a
 * token (a long run of random-looking characters). One helper, used by every logger and by the
 * errors that quote a provider.
 */

const REDACTED = '[redacted]';
const SECRET_NAMES = 'access_?token|refresh_?token|id_?token|token|code|code_verifier|client_?secret|state|password|secret|api_?key';

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // user:password@ in URLs (redis://:pw@host)
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi, `$1${REDACTED}@`],
  // the whole query string of a URL, and any ?name=value... elsewhere
  [/\?[^\s"'<>?#]*=[^\s"'<>]*/g, `?${REDACTED}`],
  [new RegExp(`\\b(${SECRET_NAMES})=[^&\\s"'<>]+`, 'gi'), `$1=${REDACTED}`],
  [new RegExp(`"(${SECRET_NAMES})"\\s*:\\s*"[^"]*"`, 'gi'), `"$1":"${REDACTED}"`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
];

/** A run of token characters; it is redacted when one of its dot-separated parts looks random. */
const TOKEN_LIKE = /[A-Za-z0-9_.~+=-]{16,}/g;

function looksRandom(part: string): boolean {
  if (part.length < 16) return false;
  const digits = /[0-9]/.test(part);
  const letters = /[A-Za-z]/.test(part);
  // 16+ characters mixing letters and digits, or 40+ mixing cases (a digitless base64 token).
  return (digits && letters) || (part.length >= 40 && /[a-z]/.test(part) && /[A-Z]/.test(part));
}

const knownSecrets = new Set<string>();

/** Values that must never be printed whatever their shape (configured client secrets, keys). */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 8) knownSecrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join(REDACTED);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  // A file name (a stack frame's bundle chunk) is kept: it helps debugging and holds no secret.
  return out.replace(TOKEN_LIKE, (run) => (!/\.(m?js|ts|tsx|map)$/.test(run) && run.split('.').some(looksRandom) ? REDACTED : run));
}

/** An error (or anything thrown) as one redacted string, with its stack and causes. */
export function describeForLog(value: unknown): string {
  if (value instanceof Error) {
    const cause = value.cause === undefined ? '' : `\n  caused by: ${describeForLog(value.cause)}`;
    return redact(`${value.stack ?? `${value.name}: ${value.message}`}${cause}`);
  }
  return redact(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));
}
