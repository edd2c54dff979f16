import 'server-only';

/** Counters a test can read through `_stats`. */
export interface Stats {
  tokenRequests: { authorization_code: number; refresh_token: number };
  apiRequests: number;
  rateLimited: number;
  revoked: number;
}

export function emptyStats(): Stats {
  return { tokenRequests: { authorization_code: 0, refresh_token: 0 }, apiRequests: 0, rateLimited: 0, revoked: 0 };
}
