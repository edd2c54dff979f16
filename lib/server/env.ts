import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { log } from '@/lib/server/log';
import { registerSecret } from '@/lib/shared/redact';

/**
 * The one place that reads process.env. Parsed once, lazily, so that `next build`
 * never needs runtime configuration. Provider variables follow one pattern
 * (`{ID}_CLIENT_ID`, `{ID}_CLIENT_SECRET`, `{ID}_AUTHORIZE_URL`, `{ID}_TOKEN_URL`,
 * `{ID}_API_URL`, `{ID}_SCOPES`), so adding a provider needs no change here.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (protocols: string[]) =>
  optionalString.refine(
    (value) => value === undefined || isUrlWithProtocol(value, protocols),
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const baseSchema = z.object({
  NODE_ENV: optionalString,
  VERCEL: optionalString,
  PORT: optionalString.refine(
    (value) => value === undefined || (/^\d+$/.test(value) && Number(value) > 0 && Number(value) < 65536),
    'must be a TCP port number between 1 and 65535',
  ),
  APP_URL: optionalUrl(['http:', 'https:']),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  SECRET_KEY: optionalString,
  SECRET_KEY_PREVIOUS: optionalString,
  SANDBOX_CONTROL: optionalString,
});

export type EnvSource = Readonly<Record<string, string | undefined>>;

export interface ProviderEnv {
  /**
   * Whether the provider runs against its real API: both client id and secret are set. Otherwise
   * the app uses the built-in sandbox, and only then does `/sandbox/{id}` answer. Decided here only.
   */
  live: boolean;
  clientId?: string;
  clientSecret?: string;
  authorizeUrl?: string;
  tokenUrl?: string;
  apiUrl?: string;
  scopes?: string;
}

export interface AppEnv {
  production: boolean;
  port: number;
  /** Origin the browser uses; OAuth redirect URIs are built from it. */
  publicOrigin: string;
  /** Whether APP_URL was set explicitly (otherwise loopback aliases are accepted). */
  publicOriginExplicit: boolean;
  /** Origin the server uses to reach itself (its own sandboxes). */
  internalOrigin: string;
  redisUrl?: string;
  secretKey: Buffer;
  /** The key before the last rotation: still read (records, session cookies), never written. */
  previousSecretKey: Buffer | null;
  secretKeyGenerated: boolean;
  /** SANDBOX_CONTROL=1: the sandboxes' test switches (`_faults`, `_stats`, `_client`) exist. */
  sandboxControl: boolean;
  onVercel: boolean;
  provider(id: string): ProviderEnv;
}

export class ConfigurationError extends Error {
  readonly configurationError = true;

  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** Brand check: works across Next's per-route copies of this module, unlike instanceof. */
export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof Error && (error as Partial<ConfigurationError>).configurationError === true;
}

function decodeSecretKey(raw: string, name = 'SECRET_KEY'): Buffer {
  const hex = /^[0-9a-fA-F]+$/.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : null;
  const key = hex ?? Buffer.from(raw, 'base64');
  if (key.length < 32) {
    throw new ConfigurationError(
      `${name} must hold at least 32 bytes (64 hex characters or 44 base64 characters); it decodes to ${key.length}. ` +
        'Generate one with: openssl rand -base64 32',
    );
  }
  return key;
}

function readProviderEnv(source: EnvSource, id: string): ProviderEnv {
  const prefix = id.toUpperCase();
  const schema = z.object({
    [`${prefix}_CLIENT_ID`]: optionalString,
    [`${prefix}_CLIENT_SECRET`]: optionalString,
    [`${prefix}_AUTHORIZE_URL`]: optionalUrl(['https:', 'http:']),
    [`${prefix}_TOKEN_URL`]: optionalUrl(['https:', 'http:']),
    [`${prefix}_API_URL`]: optionalUrl(['https:', 'http:']),
    [`${prefix}_SCOPES`]: optionalString,
  });
  const parsed = parseOrExplain(schema, source);
  registerSecret(parsed[`${prefix}_CLIENT_SECRET`]);
  return {
    live: Boolean(parsed[`${prefix}_CLIENT_ID`] && parsed[`${prefix}_CLIENT_SECRET`]),
    clientId: parsed[`${prefix}_CLIENT_ID`],
    clientSecret: parsed[`${prefix}_CLIENT_SECRET`],
    authorizeUrl: parsed[`${prefix}_AUTHORIZE_URL`],
    tokenUrl: parsed[`${prefix}_TOKEN_URL`],
    apiUrl: parsed[`${prefix}_API_URL`]?.replace(/\/+$/, ''),
    scopes: parsed[`${prefix}_SCOPES`],
  };
}

function parseOrExplain<T extends z.ZodType>(schema: T, source: EnvSource): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  throw new ConfigurationError(`Invalid environment: ${problems.join('; ')}. Fix it in .env.local or the process environment.`);
}

export function parseEnv(source: EnvSource): AppEnv {
  const base = parseOrExplain(baseSchema, source);
  registerSecret(base.SECRET_KEY);
  registerSecret(base.SECRET_KEY_PREVIOUS);
  const port = Number(base.PORT ?? 3000);
  const production = base.NODE_ENV === 'production';
  const onVercel = base.VERCEL !== undefined;
  const providerCache = new Map<string, ProviderEnv>();
  const provider = (id: string) => {
    let value = providerCache.get(id);
    if (!value) {
      value = readProviderEnv(source, id);
      providerCache.set(id, value);
    }
    return value;
  };
  if (onVercel && !base.REDIS_URL) {
    throw new ConfigurationError('REDIS_URL is required on Vercel: the in-process store does not survive between function instances.');
  }
  if (onVercel && !base.SECRET_KEY) {
    // Each function instance would generate its own key: a cookie signed by one is refused by the next.
    throw new ConfigurationError(
      'SECRET_KEY is required on Vercel: every instance must sign sessions and encrypt tokens with the same key. ' +
        'Set SECRET_KEY in the project settings to the output of: openssl rand -base64 32',
    );
  }
  const secretKey = base.SECRET_KEY ? decodeSecretKey(base.SECRET_KEY) : randomBytes(32);
  const previousSecretKey = base.SECRET_KEY_PREVIOUS ? decodeSecretKey(base.SECRET_KEY_PREVIOUS, 'SECRET_KEY_PREVIOUS') : null;
  return {
    production,
    port,
    publicOrigin: base.APP_URL ? new URL(base.APP_URL).origin : `http://localhost:${port}`,
    publicOriginExplicit: base.APP_URL !== undefined,
    internalOrigin: `http://127.0.0.1:${port}`,
    redisUrl: base.REDIS_URL,
    secretKey,
    previousSecretKey,
    secretKeyGenerated: !base.SECRET_KEY,
    sandboxControl: base.SANDBOX_CONTROL === '1',
    onVercel,
    provider,
  };
}

const globalEnv = globalThis as typeof globalThis & { __integrationsHubEnv?: AppEnv };

/** The parsed environment of this process (shared by every route bundle). */
export function getEnv(): AppEnv {
  if (!globalEnv.__integrationsHubEnv) {
    const parsed = parseEnv(process.env);
    if (parsed.secretKeyGenerated) {
      log.warn(
        '[integrations-hub] SECRET_KEY is not set: generated a random key for this process. ' +
          'Sessions and stored connections will not survive a restart. Set SECRET_KEY (openssl rand -base64 32) to keep them.',
      );
    }
    globalEnv.__integrationsHubEnv = parsed;
  }
  return globalEnv.__integrationsHubEnv;
}
