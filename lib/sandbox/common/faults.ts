import 'server-only';
import { z } from 'zod';
import { getStore } from '@/lib/store';
import { sandboxKey, type EmulatorState } from './state';

/** Test switches that make an emulator misbehave on purpose (see `_faults`). */

/** x20 is about 48,000 CRM records (a few hundred MB while generated); more only exhausts the server. */
export const MAX_DATA_SCALE = 20;

export const faultsInputSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(30_000).optional(),
    rateLimit: z
      .object({ requests: z.number().int().min(1).max(100_000), intervalMs: z.number().int().min(1).max(3_600_000) })
      .strict()
      .optional(),
    fail: z
      .array(
        z
          .object({
            status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
            count: z.number().int().min(1).max(10_000),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    expireAccessTokens: z.literal(true).optional(),
    /** One-shot: revokes every grant issued so far (refresh then fails with invalid_grant). */
    revokeAllGrants: z.literal(true).optional(),
    accessTokenTtlSeconds: z.number().int().min(1).max(31_536_000).optional(),
    omitRetryAfter: z.boolean().optional(),
    /** Forces the page size of listings whose page size the provider chooses (Airtable bases, Notion search). */
    pageSize: z.number().int().min(1).max(1000).optional(),
    /** Token requests are carried out (a code used, a refresh token rotated), then answered with this status (Airtable). */
    failTokenAfterUse: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
    /** Multiplies the generated data (a large account, for benchmarks); 1 is the normal data set. */
    dataScale: z.number().int().min(1).max(MAX_DATA_SCALE).optional(),
    /** HubSpot: every /oauth/v1/* call answers as after HubSpot's 2027-02-16 sunset. */
    disableV1OAuth: z.boolean().optional(),
    /** Exact record counts of a CRM-like sandbox (HubSpot), for benchmarks; replaces dataScale there. */
    crmCounts: z
      .object({ contacts: z.number().int().min(1).max(100_000), companies: z.number().int().min(1).max(50_000), deals: z.number().int().min(1).max(100_000) })
      .strict()
      .optional(),
    /** A second, separate budget for search endpoints (HubSpot's CRM Search: 5 per second). */
    searchRateLimit: z
      .object({ requests: z.number().int().min(1).max(100_000), intervalMs: z.number().int().min(1).max(3_600_000) })
      .strict()
      .optional(),
    /** How long a change takes to reach the search index (HubSpot: "a few moments"); 0 = at once. */
    searchIndexLagMs: z.number().int().min(0).max(600_000).optional(),
    /** How far one search query pages (HubSpot: 10,000 results); smaller, windows over it stay cheap to test. */
    searchMaxResults: z.number().int().min(1).max(10_000).optional(),
    /** Notion: the first N pages in search order come back from search without their `id`, a field every result has; 0 = none. */
    malformedSearchResults: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

export type FaultsInput = z.infer<typeof faultsInputSchema>;

export type InjectedStatus = 429 | 500 | 502 | 503;

export interface Faults {
  latencyMs: number;
  rateLimit: { requests: number; intervalMs: number } | null;
  /** Injected failures, consumed one per API request, in order (the count taken lives in the store). */
  fail: Array<{ status: InjectedStatus; count: number }>;
  accessTokenTtlSeconds: number | null;
  omitRetryAfter: boolean;
  pageSize: number | null;
  dataScale: number;
  disableV1OAuth: boolean;
  failTokenAfterUse: 500 | 502 | 503 | null;
  crmCounts: { contacts: number; companies: number; deals: number } | null;
  searchRateLimit: { requests: number; intervalMs: number } | null;
  searchIndexLagMs: number;
  searchMaxResults: number | null;
  malformedSearchResults: number;
}

export function defaultFaults(): Faults {
  return {
    latencyMs: 0,
    rateLimit: null,
    fail: [],
    accessTokenTtlSeconds: null,
    omitRetryAfter: false,
    pageSize: null,
    dataScale: 1,
    disableV1OAuth: false,
    failTokenAfterUse: null,
    crmCounts: null,
    searchRateLimit: null,
    searchIndexLagMs: 0,
    searchMaxResults: null,
    malformedSearchResults: 0,
  };
}

/** Merges an update into the current faults (given fields replace; `fail` replaces the queue). */
export function mergeFaults(current: Faults, input: FaultsInput): Faults {
  return {
    latencyMs: input.latencyMs ?? current.latencyMs,
    rateLimit: input.rateLimit ?? current.rateLimit,
    fail: input.fail ? input.fail.map((entry) => ({ status: entry.status, count: entry.count })) : current.fail,
    accessTokenTtlSeconds: input.accessTokenTtlSeconds ?? current.accessTokenTtlSeconds,
    omitRetryAfter: input.omitRetryAfter ?? current.omitRetryAfter,
    pageSize: input.pageSize ?? current.pageSize,
    dataScale: input.dataScale ?? current.dataScale,
    disableV1OAuth: input.disableV1OAuth ?? current.disableV1OAuth,
    failTokenAfterUse: input.failTokenAfterUse ?? current.failTokenAfterUse,
    crmCounts: input.crmCounts ?? current.crmCounts,
    searchRateLimit: input.searchRateLimit ?? current.searchRateLimit,
    searchIndexLagMs: input.searchIndexLagMs ?? current.searchIndexLagMs,
    searchMaxResults: input.searchMaxResults ?? current.searchMaxResults,
    malformedSearchResults: input.malformedSearchResults ?? current.malformedSearchResults,
  };
}

const FAIL_COUNTER_TTL_SECONDS = 24 * 3600;

const failCounterKey = (state: EmulatorState) => sandboxKey(state, 'fail-taken', String(state.epochs.failQueue));

/** The status at a 1-based position of the queue, or null past its end. */
function statusAt(fail: Faults['fail'], position: number): InjectedStatus | null {
  let remaining = position;
  for (const entry of fail) {
    if (remaining <= entry.count) return entry.status;
    remaining -= entry.count;
  }
  return null;
}

/**
 * Takes the next injected failure status, if any. A shared counter hands out queue
 * positions, so instances consume one queue between them, each position once.
 */
export async function takeInjectedFailure(state: EmulatorState): Promise<InjectedStatus | null> {
  if (state.faults.fail.length === 0) return null;
  const position = await getStore().incr(failCounterKey(state), FAIL_COUNTER_TTL_SECONDS);
  return statusAt(state.faults.fail, position);
}

export async function describeFaults(state: EmulatorState): Promise<Record<string, unknown>> {
  const { faults } = state;
  let taken = faults.fail.length > 0 ? Number((await getStore().get(failCounterKey(state))) ?? 0) : 0;
  const fail: Array<{ status: InjectedStatus; count: number }> = [];
  for (const entry of faults.fail) {
    const left = entry.count - Math.min(taken, entry.count);
    taken = Math.max(0, taken - entry.count);
    if (left > 0) fail.push({ status: entry.status, count: left });
  }
  return {
    latencyMs: faults.latencyMs,
    rateLimit: faults.rateLimit,
    fail,
    accessTokenTtlSeconds: faults.accessTokenTtlSeconds,
    omitRetryAfter: faults.omitRetryAfter,
    pageSize: faults.pageSize,
    dataScale: faults.dataScale,
    disableV1OAuth: faults.disableV1OAuth,
    failTokenAfterUse: faults.failTokenAfterUse,
    crmCounts: faults.crmCounts,
    searchRateLimit: faults.searchRateLimit,
    searchIndexLagMs: faults.searchIndexLagMs,
    searchMaxResults: faults.searchMaxResults,
    malformedSearchResults: faults.malformedSearchResults,
  };
}
