import 'server-only';
import { z } from 'zod';
import { openWithRing, sealWithRing } from '@/lib/server/crypto';
import { keyRing } from '@/lib/server/key-ring';
import { getStore } from '@/lib/store';

/** Idle connections are deleted after this long; every use extends it (the seed's "temporary credentials with cleanup"). */
export const CONNECTION_IDLE_TTL_SECONDS = 30 * 24 * 60 * 60;

const connectionSchema = z.object({
  providerId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  /** Epoch ms; null when the provider issues tokens that do not expire. */
  expiresAt: z.number().nullable(),
  scope: z.string().nullable(),
  account: z.object({ id: z.string(), label: z.string(), details: z.record(z.string(), z.string()) }),
  status: z.enum(['active', 'reconnect_required']),
  connectedAt: z.number(),
  refreshedAt: z.number().nullable(),
});

export type Connection = z.infer<typeof connectionSchema>;

export const connectionKey = (sessionKey: string, providerId: string) => `conn:${sessionKey}:${providerId}`;

const ring = () => keyRing('connection-encryption');

export async function saveConnection(sessionKey: string, connection: Connection): Promise<void> {
  const key = connectionKey(sessionKey, connection.providerId);
  await getStore().set(key, sealWithRing(ring(), JSON.stringify(connection), key), CONNECTION_IDLE_TTL_SECONDS);
}

function parseConnection(plaintext: string): Connection | null {
  try {
    const parsed = connectionSchema.safeParse(JSON.parse(plaintext));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A connection as read, with the sealed value it was read from (its version, for replaceConnection). */
export interface StoredConnection {
  connection: Connection;
  sealed: string;
}

/**
 * The stored connection and its version, or null when there is none (or no key of the ring can
 * decrypt it). A record sealed with SECRET_KEY_PREVIOUS is sealed again with SECRET_KEY as it is read.
 */
export async function readConnection(sessionKey: string, providerId: string): Promise<StoredConnection | null> {
  const key = connectionKey(sessionKey, providerId);
  const sealed = await getStore().get(key);
  if (!sealed) return null;
  const opened = openWithRing(ring(), sealed, key);
  const connection = opened ? parseConnection(opened.plaintext) : null;
  if (!connection) return null;
  if (opened?.stale) {
    const resealed = sealWithRing(ring(), JSON.stringify(connection), key);
    // Compare-and-set: a refresh or disconnect that wrote in the meantime wins.
    if (await getStore().replaceIfEquals(key, sealed, resealed, CONNECTION_IDLE_TTL_SECONDS)) return { connection, sealed: resealed };
  }
  return { connection, sealed };
}

export async function loadConnection(sessionKey: string, providerId: string): Promise<Connection | null> {
  return (await readConnection(sessionKey, providerId))?.connection ?? null;
}

/**
 * Saves `next` only if the stored connection is still the version that was read: a reconnect or
 * disconnect in the meantime wins over a refresh that started before it. True when saved.
 */
export async function replaceConnection(sessionKey: string, read: StoredConnection, next: Connection): Promise<boolean> {
  const key = connectionKey(sessionKey, next.providerId);
  return getStore().replaceIfEquals(key, read.sealed, sealWithRing(ring(), JSON.stringify(next), key), CONNECTION_IDLE_TTL_SECONDS);
}

/** Moves a session's connections to another session key (the session is renewed on connect). */
export async function moveConnections(fromSessionKey: string, toSessionKey: string, providerIds: readonly string[]): Promise<void> {
  await Promise.all(
    providerIds.map(async (providerId) => {
      const from = connectionKey(fromSessionKey, providerId);
      const sealed = await getStore().getDel(from);
      const opened = sealed ? openWithRing(ring(), sealed, from) : null;
      const connection = opened ? parseConnection(opened.plaintext) : null;
      if (connection) await saveConnection(toSessionKey, connection);
    }),
  );
}

export async function touchConnection(sessionKey: string, providerId: string): Promise<void> {
  await getStore().expire(connectionKey(sessionKey, providerId), CONNECTION_IDLE_TTL_SECONDS);
}

export async function deleteConnection(sessionKey: string, providerId: string): Promise<void> {
  await getStore().del(connectionKey(sessionKey, providerId));
}
