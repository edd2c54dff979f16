import 'server-only';
import type { z } from 'zod';
import { IntegrationError, ProviderError, ProviderTimeoutError, ReconnectRequiredError } from '@/lib/shared/errors';
import type { ApiRequestInit, ProviderApi, ProviderDefinition } from '@/lib/providers/types';
import { type RateBudget, rateLimiter } from '@/lib/server/rate-limiter';
import { sleep } from '@/lib/shared/sleep';

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 5;
const MAX_RATE_LIMITED_ANSWERS = 12;
/** One request may spend this long waiting out 429s and retries before it gives up (504). */
export const RETRY_BUDGET_MS = 60_000;

export interface ProviderApiOptions {
  provider: ProviderDefinition;
  apiUrl: string;
  /** Rate-limit key: the provider account (its limits are per account, whoever calls). */
  limiterKey: string;
  /** The token for the next request (may refresh it first). */
  accessToken(): string | Promise<string>;
  /** Called once when the provider rejects the token with 401; returns a new one or throws. */
  onUnauthorized?(rejected: string): Promise<string>;
  signal?: AbortSignal;
  /** Give up (504) rather than wait past this moment (epoch ms), for short operations such as connecting. */
  deadline?: number;
  /** Overrides RETRY_BUDGET_MS (tests). */
  retryBudgetMs?: number;
}

function buildUrl(apiUrl: string, path: string, init: ApiRequestInit): URL {
  const url = new URL(init.absolute ? path : `${apiUrl}${path}`);
  for (const [name, value] of Object.entries(init.query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const item of value) url.searchParams.append(name, item);
    else url.searchParams.set(name, String(value));
  }
  return url;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

async function readJsonOrNull(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function backoffMs(attempt: number): number {
  return Math.min(8000, 200 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
}

async function describeBody(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      const record = body as Record<string, unknown>;
      const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : null;
      const message = record.message ?? nested?.message ?? record.error_description ?? record.error;
      if (typeof message === 'string') return message;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200) || `HTTP ${response.status}`;
}

/**
 * The HTTP client every provider hook uses: waits for the account's rate budget, retries
 * 429 (honouring Retry-After), 5xx and network errors with backoff, refreshes once on 401,
 * validates the JSON with the given schema, and gives up with a clear error when one request stalls too long.
 */
export function createProviderApi(options: ProviderApiOptions): ProviderApi {
  const { provider, signal } = options;
  const name = provider.displayName;

  async function waitOrGiveUp(ms: number, reason: string, giveUpAt: number): Promise<void> {
    if (Date.now() + ms > giveUpAt) {
      throw new ProviderTimeoutError(name, `${reason}, and waiting longer would pass the time limit for this request`);
    }
    await sleep(ms, signal);
  }

  async function send(url: URL, init: ApiRequestInit, token: string): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...provider.api.headers, ...init.headers };
    if (init.auth !== false) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    return fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      cache: 'no-store',
    });
  }

  return {
    async request<T>(schema: z.ZodType<T>, path: string, init: ApiRequestInit = {}): Promise<T> {
      const url = buildUrl(options.apiUrl, path, init);
      // A long load of a big account is fine; what is bounded is how long one request may stall.
      const giveUpAt = Math.min(Date.now() + (options.retryBudgetMs ?? RETRY_BUDGET_MS), options.deadline ?? Infinity);
      // A request with a budget of its own (e.g. a search endpoint) waits for that budget only.
      const ownBudget = init.budget ? provider.rateLimit.budgets?.[init.budget] : undefined;
      const limit = ownBudget ?? provider.rateLimit;
      const budget: RateBudget = {
        scope: ownBudget ? `${options.limiterKey}:${init.budget}` : options.limiterKey,
        limit,
        bucket: init.bucket ? { name: init.bucket, limit: provider.rateLimit.perBucket ?? provider.rateLimit } : undefined,
      };
      let refreshed = false;
      let rateLimitedAnswers = 0;
      for (let attempt = 1; ; attempt++) {
        // Any refresh happens before the slot is taken, so the request leaves at the moment the limiter counted.
        await options.accessToken();
        await rateLimiter.acquire(budget, signal);
        const token = await options.accessToken();
        let response: Response;
        try {
          init.onSent?.();
          response = await send(url, init, token);
        } catch {
          if (signal?.aborted) throw signal.reason;
          if (attempt >= MAX_ATTEMPTS) throw new ProviderTimeoutError(name, `${url.pathname} could not be reached after ${attempt} attempts`);
          await waitOrGiveUp(backoffMs(attempt), `${url.pathname} could not be reached`, giveUpAt);
          continue;
        }
        if (response.ok) {
          const parsed = schema.safeParse(await readJsonOrNull(response));
          if (!parsed.success) throw new ProviderError(name, `unexpected answer from ${url.pathname}: ${parsed.error.issues[0]?.message ?? 'invalid shape'}.`);
          return parsed.data;
        }
        if (response.status === 401 && init.auth !== false) {
          await response.body?.cancel();
          // A token that met a rotation is swapped for the stored new one (the refresh module refreshes
          // only when the stored token is the rejected one); a new token rejected too means the grant is gone.
          if (refreshed || !options.onUnauthorized) throw new ReconnectRequiredError(name, 'it no longer accepts the access token');
          refreshed = true;
          await options.onUnauthorized(token);
          attempt--;
          continue;
        }
        if (response.status === 429) {
          const waitMs = parseRetryAfter(response.headers.get('retry-after')) ?? limit.retryAfterDefaultMs;
          await response.body?.cancel();
          await rateLimiter.pause(budget.scope, waitMs, init.bucket);
          // Every request in flight meets the same limit and waits out the same pause, so a 429 costs
          // time rather than an attempt (the time budget still bounds it); only a long run of them gives up.
          rateLimitedAnswers++;
          if (rateLimitedAnswers >= MAX_RATE_LIMITED_ANSWERS) {
            throw new IntegrationError('rate_limited', `${name} kept answering "too many requests". Try again in a minute.`, 429);
          }
          await waitOrGiveUp(waitMs, `${name} asked to slow down`, giveUpAt);
          attempt--;
          continue;
        }
        if (response.status >= 500 || response.status === 423) {
          const detail = await describeBody(response);
          if (attempt >= MAX_ATTEMPTS) throw new ProviderError(name, `${detail} (HTTP ${response.status}, after ${attempt} attempts).`, response.status);
          await waitOrGiveUp(backoffMs(attempt), `${name} answered HTTP ${response.status}`, giveUpAt);
          continue;
        }
        throw new ProviderError(name, `${await describeBody(response)} (HTTP ${response.status} from ${url.pathname}).`, response.status);
      }
    },
  };
}
