import 'server-only';
import { z } from 'zod';
import { decrypt, deriveKey, encrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
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

function encryptionKey(): Buffer {
  return deriveKey(getEnv().secretKey, 'connection-encryption');
}

export async function saveConnection(sessionKey: string, connection: Connection): Promise<void> {
  const key = connectionKey(sessionKey, connection.providerId);
  await getStore().set(key, encrypt(encryptionKey(), JSON.stringify(connection), key), CONNECTION_IDLE_TTL_SECONDS);
}

/** A connection as read, with the sealed value it was read from (its version, for replaceConnection). */
export interface StoredConnection {
  connection: Connection;
  sealed: string;
}

/** The stored connection and its version, or null when there is none (or it cannot be decrypted, e.g. after SECRET_KEY changed). */
export async function readConnection(sessionKey: string, providerId: string): Promise<StoredConnection | null> {
  const key = connectionKey(sessionKey, providerId);
  const sealed = await getStore().get(key);
  if (!sealed) return null;
  const plaintext = decrypt(encryptionKey(), sealed, key);
  if (!plaintext) return null;
  const parsed = connectionSchema.safeParse(JSON.parse(plaintext));
  return parsed.success ? { connection: parsed.data, sealed } : null;
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
  return getStore().replaceIfEquals(key, read.sealed, encrypt(encryptionKey(), JSON.stringify(next), key), CONNECTION_IDLE_TTL_SECONDS);
}

export async function touchConnection(sessionKey: string, providerId: string): Promise<void> {
  await getStore().expire(connectionKey(sessionKey, providerId), CONNECTION_IDLE_TTL_SECONDS);
}

export async function deleteConnection(sessionKey: string, providerId: string): Promise<void> {
  await getStore().del(connectionKey(sessionKey, providerId));
}
