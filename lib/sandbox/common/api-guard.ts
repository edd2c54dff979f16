import 'server-only';
import type { ApiCallContext, EmulatorContext } from './emulator';
import { takeInjectedFailure } from './faults';
import { bearerToken, withHeaders } from './http';
import { checkAccessToken } from './oauth/tokens';
import { checkProviderLimit, penaltyLeftMs, startPenalty } from './provider-limit';
import { countStat } from './stats';
import type { RateLimitDecision } from '@/lib/server/sliding-window-limiter';

/**
 * Everything a data API call goes through before its handler: injected latency,
 * provider pre-checks, bearer authentication, injected failures, the per-account
 * rate limit, and the provider's rate-limit headers on the way out.
 */
export async function guardApiCall(
  ctx: EmulatorContext,
  handle: (ctx: ApiCallContext) => Response | Promise<Response>,
): Promise<Response> {
  // A provider counts a request against its limits when it arrives; the latency is the time it then takes to answer.
  const response = await guardedApiCall(ctx, handle);
  const { latencyMs } = ctx.state.faults;
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  return response;
}

async function guardedApiCall(
  ctx: EmulatorContext,
  handle: (ctx: ApiCallContext) => Response | Promise<Response>,
): Promise<Response> {
  const { definition, state } = ctx;
  const { faults } = state;
  await countStat(state, 'apiRequests');

  const precheck = definition.api.precheck?.(ctx);
  if (precheck) return precheck;

  const token = bearerToken(ctx.request);
  if (!token) return definition.errors.unauthorized('missing');
  const check = await checkAccessToken(state, token, Date.now(), definition.oauth);
  if (!check.ok) return definition.errors.unauthorized(check.reason);

  const policy = faults.rateLimit ?? definition.api.rateLimit;
  const injected = await takeInjectedFailure(state);
  if (injected === 429) {
    return await rateLimited(ctx, { allowed: false, limit: policy.requests, remaining: 0, intervalMs: policy.intervalMs, retryAfterMs: 1000 });
  }
  if (injected !== null) return definition.errors.serverError(injected);

  const secondary = definition.api.secondaryBudget?.(ctx);
  if (secondary) {
    const decision = await checkProviderLimit(state, `${check.account.id}:${secondary.bucket}`, secondary.policy);
    if (!decision.allowed) {
      await countStat(state, 'rateLimited');
      return secondary.rateLimited();
    }
    return handle({ ...ctx, account: check.account, grant: check.grant });
  }

  const bucket = definition.api.rateLimitBucket?.(ctx) ?? '';
  const limitKey = `${check.account.id}:${bucket}`;
  const penaltyMs = definition.api.penaltyMs ?? 0;
  const penaltyLeft = penaltyMs > 0 ? await penaltyLeftMs(state, limitKey) : 0;
  if (penaltyLeft > 0) {
    return await rateLimited(ctx, { allowed: false, limit: policy.requests, remaining: 0, intervalMs: policy.intervalMs, retryAfterMs: penaltyLeft });
  }
  const decision = await checkProviderLimit(state, limitKey, policy);
  if (!decision.allowed) {
    if (penaltyMs > 0) await startPenalty(state, limitKey, penaltyMs);
    return await rateLimited(ctx, decision);
  }

  const response = await handle({ ...ctx, account: check.account, grant: check.grant });
  return withHeaders(response, definition.api.rateLimitHeaders?.(decision) ?? {});
}

async function rateLimited(ctx: EmulatorContext, decision: RateLimitDecision): Promise<Response> {
  const { definition, state } = ctx;
  await countStat(state, 'rateLimited');
  const headers = { ...(definition.api.rateLimitHeaders?.(decision) ?? {}) };
  if (definition.api.sendsRetryAfter && !state.faults.omitRetryAfter) {
    headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  }
  return withHeaders(definition.errors.rateLimited(), headers);
}
