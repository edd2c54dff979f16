import 'server-only';
import { z } from 'zod';
import { randomToken, sha256Base64Url } from '@/lib/server/crypto';
import { InvalidStateError } from '@/lib/shared/errors';
import { getStore } from '@/lib/store';

export const STATE_TTL_SECONDS = 10 * 60;
/** Pending flows one session may have; starting another forgets the oldest (a person rarely has more than one). */
export const MAX_PENDING_STATES_PER_SESSION = 5;

const stateRecordSchema = z.object({
  sessionKey: z.string(),
  providerId: z.string(),
  codeVerifier: z.string().nullable(),
  mode: z.enum(['popup', 'redirect']),
  createdAt: z.number(),
});

export type StateRecord = z.infer<typeof stateRecordSchema>;

// The store holds a hash of the state, so a dump of Redis cannot be used to finish someone's flow.
const stateKey = (state: string) => `oauth:state:${sha256Base64Url(state)}`;

// The session's pending states, oldest first; the braces keep it in one Redis Cluster slot.
const pendingKey = (sessionKey: string) => `oauth:pending:{${sessionKey}}`;

/** Creates a single-use state (256 random bits) bound to this session and provider. */
export async function createState(record: Omit<StateRecord, 'createdAt'>): Promise<string> {
  const store = getStore();
  const state = randomToken(32);
  const hash = sha256Base64Url(state);
  await store.set(`oauth:state:${hash}`, JSON.stringify({ ...record, createdAt: Date.now() }), STATE_TTL_SECONDS);
  const evicted = await store.pushCapped(pendingKey(record.sessionKey), hash, MAX_PENDING_STATES_PER_SESSION, STATE_TTL_SECONDS);
  await Promise.all(evicted.map((old) => store.del(`oauth:state:${old}`)));
  return state;
}

/**
 * Consumes a state (GETDEL: a second use finds nothing) and checks it belongs to this
 * session and provider. Throws InvalidStateError otherwise.
 */
export async function consumeState(state: string | null, sessionKey: string, providerId: string): Promise<StateRecord> {
  if (!state) throw new InvalidStateError('The sign-in answer carried no state parameter, so it cannot be trusted. Start again with Connect.');
  if (state.length > 512) throw new InvalidStateError('The state parameter is malformed. Start again with Connect.');
  const raw = await getStore().getDel(stateKey(state));
  const parsed = raw ? stateRecordSchema.safeParse(JSON.parse(raw)) : null;
  if (!parsed?.success) {
    throw new InvalidStateError('This sign-in link is unknown, expired or was already used. Start again with Connect.');
  }
  if (parsed.data.sessionKey !== sessionKey) {
    throw new InvalidStateError('This sign-in was started in another browser session. Start again with Connect in this window.');
  }
  if (parsed.data.providerId !== providerId) {
    throw new InvalidStateError('This sign-in answer belongs to a different integration. Start again with Connect.');
  }
  return parsed.data;
}
