/**
 * Store keys that one Lua script uses together. On Redis Cluster a script's keys must live in
 * one hash slot, so they share a hash tag: Redis hashes only the part between the first `{` and
 * the next `}`. A pause key is its window key plus `:pause`, so it keeps the tag.
 */

/** A provider account's rate window, or one bucket's inside it: all tagged with the account. */
export function rateWindowKey(scope: string, bucket?: string): string {
  // An empty tag (`{}`) would make Redis hash the whole key: never let the scope be empty.
  const tagged = `rate:{${scope || '-'}}`;
  return bucket === undefined ? tagged : `${tagged}:${bucket}`;
}

export const ratePauseKey = (windowKey: string) => `${windowKey}:pause`;

/** One key per script: the refresh lock (SET NX, released by a compare-and-delete) and the hold after a failed refresh. */
export const refreshLockKey = (sessionKey: string, providerId: string) => `lock:refresh:${sessionKey}:${providerId}`;
export const refreshHoldKey = (sessionKey: string, providerId: string) => `refresh-hold:${sessionKey}:${providerId}`;
