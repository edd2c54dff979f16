import 'server-only';

/** Counters a test can read through `_stats`. */
export interface Stats {
  tokenRequests: { authorization_code: number; refresh_token: number };
  apiRequests: number;
  rateLimited: number;
  revoked: number;
  /** Calls of each OAuth endpoint (consent page included), keyed by method and route pattern, e.g. `POST oauth/2026-03/token`. */
  oauthEndpoints: Record<string, number>;
}

export function emptyStats(): Stats {
  return { tokenRequests: { authorization_code: 0, refresh_token: 0 }, apiRequests: 0, rateLimited: 0, revoked: 0, oauthEndpoints: {} };
}

/** Counts one OAuth endpoint call, in the resettable stats and in the process-lifetime tally. */
export function countOAuthEndpoint(stats: Stats, lifetime: Record<string, number>, key: string): void {
  stats.oauthEndpoints[key] = (stats.oauthEndpoints[key] ?? 0) + 1;
  lifetime[key] = (lifetime[key] ?? 0) + 1;
}
