import 'server-only';
import { getStore } from '@/lib/store';
import type { EmulatorDefinition } from './emulator';
import { sandboxKey, type EmulatorState } from './state';

/** Counters a test can read through `_stats`, kept in the store so every instance counts into one. */
export interface Stats {
  tokenRequests: { authorization_code: number; refresh_token: number };
  apiRequests: number;
  rateLimited: number;
  revoked: number;
  /** Search queries that matched more records than one query may page through (HubSpot: 10,000). */
  searchesOverWindow: number;
  /** Calls of each OAuth endpoint (consent page included), keyed by method and route pattern, e.g. `POST oauth/2026-03/token`. */
  oauthEndpoints: Record<string, number>;
}

export type StatName = 'tokenRequests.authorization_code' | 'tokenRequests.refresh_token' | 'apiRequests' | 'rateLimited' | 'revoked' | 'searchesOverWindow';

const STAT_NAMES: readonly StatName[] = [
  'tokenRequests.authorization_code',
  'tokenRequests.refresh_token',
  'apiRequests',
  'rateLimited',
  'revoked',
  'searchesOverWindow',
];

const STATS_TTL_SECONDS = 7 * 24 * 3600;

const statKey = (state: EmulatorState, name: string) => sandboxKey(state, 'stats', name);
const endpointStat = (key: string) => `oauth:${key}`;

export async function countStat(state: EmulatorState, name: StatName): Promise<void> {
  await getStore().incr(statKey(state, name), STATS_TTL_SECONDS);
}

// OAuth endpoint calls since this process started (`_stats/reset` leaves them), for a whole test run's tally.
const lifetime = globalThis as typeof globalThis & { __integrationsHubOAuthCalls?: Map<string, Record<string, number>> };

function lifetimeTally(emulatorId: string): Record<string, number> {
  lifetime.__integrationsHubOAuthCalls ??= new Map();
  let tally = lifetime.__integrationsHubOAuthCalls.get(emulatorId);
  if (!tally) lifetime.__integrationsHubOAuthCalls.set(emulatorId, (tally = {}));
  return tally;
}

/** Counts one OAuth endpoint call, in the shared resettable stats and in this process's lifetime tally. */
export async function countOAuthEndpoint(state: EmulatorState, key: string): Promise<void> {
  const tally = lifetimeTally(state.emulatorId);
  tally[key] = (tally[key] ?? 0) + 1;
  await getStore().incr(statKey(state, endpointStat(key)), STATS_TTL_SECONDS);
}

/** Every key countOAuthEndpoint can be called with for this emulator. */
function oauthEndpointKeys(definition: EmulatorDefinition): string[] {
  const authorize = ['GET', 'POST'].map((method) => `${method} ${definition.authorize.path}`);
  return [...authorize, ...definition.routes.filter((route) => route.kind === 'public').map((route) => `${route.method} ${route.pattern}`)];
}

export async function readStats(state: EmulatorState, definition: EmulatorDefinition): Promise<Stats & { sinceStart: { oauthEndpoints: Record<string, number> } }> {
  const store = getStore();
  const read = async (name: string) => Number((await store.get(statKey(state, name))) ?? 0);
  const [authorizationCode, refreshToken, apiRequests, rateLimited, revoked, searchesOverWindow] = await Promise.all(STAT_NAMES.map(read));
  const endpoints = oauthEndpointKeys(definition);
  const endpointCounts = await Promise.all(endpoints.map((key) => read(endpointStat(key))));
  const oauthEndpoints: Record<string, number> = {};
  endpoints.forEach((key, i) => {
    if (endpointCounts[i] > 0) oauthEndpoints[key] = endpointCounts[i];
  });
  return {
    tokenRequests: { authorization_code: authorizationCode, refresh_token: refreshToken },
    apiRequests,
    rateLimited,
    revoked,
    searchesOverWindow,
    oauthEndpoints,
    sinceStart: { oauthEndpoints: { ...lifetimeTally(state.emulatorId) } },
  };
}

export async function resetStats(state: EmulatorState, definition: EmulatorDefinition): Promise<void> {
  const store = getStore();
  const names = [...STAT_NAMES, ...oauthEndpointKeys(definition).map(endpointStat)];
  await Promise.all(names.map((name) => store.del(statKey(state, name))));
}
