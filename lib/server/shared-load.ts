import 'server-only';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { decrypt, deriveKey, encrypt, hmacBase64Url, randomToken } from '@/lib/server/crypto';
import { getEnv } from '@/lib/server/env';
import { IntegrationError } from '@/lib/shared/errors';
import { describeError } from '@/lib/server/http';
import type { ErrorCode, IntegrationItem } from '@/lib/contract';
import { skippedOf, type ItemBatches, type LoadSummary } from '@/lib/server/load-summary';
import { sleep } from '@/lib/shared/sleep';
import { getStore } from '@/lib/store';

/**
 * Identical loads of one session's connection that overlap share one provider traversal, on one
 * server instance or several: the first takes a short lease in the store and walks the provider;
 * every load (its own included) reads the pages from a log in the store. Log entries are the
 * pages, deflated and AES-GCM encrypted with the log's key as context, and live two minutes after
 * the last write. The producer stays at most a few pages ahead of the furthest reader (readers
 * publish their position), so backpressure still holds; with no reader for a while it stops.
 * A producer that dies loses its lease; a reader that then finds the log stalled takes over with
 * a fresh traversal and skips what it already gave out. The log's last entry says how the
 * traversal ended: its summary (records the provider left out) or its error, so every reader
 * ends the same way.
 */

const LEASE_SECONDS = 15;
const LOG_TTL_SECONDS = 120;
const AHEAD_PAGES = 8;
const POLL_MS = 40;
const IDLE_MS = 10_000;

/** A busy machine or Redis can stall one store call past its time limit; the log is worth a few more tries. */
async function retrying<T>(operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= 4 || (error as { code?: string }).code !== 'store_unavailable') throw error;
      await sleep(100 * attempt);
    }
  }
}

/** `skipped` is absent when nothing was left out (and in entries written before it existed). */
type Entry = { items: IntegrationItem[] } | { done: true; skipped?: number } | { error: { status: number; code: ErrorCode; message: string } };

// Readers in this process wake on a local signal instead of polling.
const holder = globalThis as typeof globalThis & { __integrationsHubSharedLoads?: Map<string, { wake: Set<() => void>; read: number }> };
function local(log: string) {
  holder.__integrationsHubSharedLoads ??= new Map();
  let entry = holder.__integrationsHubSharedLoads.get(log);
  if (!entry) holder.__integrationsHubSharedLoads.set(log, (entry = { wake: new Set(), read: 0 }));
  return entry;
}
function wakeReaders(log: string): void {
  const waiters = local(log).wake;
  for (const wake of [...waiters]) wake();
  waiters.clear();
}
function waitForEntries(log: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      local(log).wake.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    local(log).wake.add(done);
  });
}

function logKey(): Buffer {
  return deriveKey(getEnv().secretKey, 'shared-load');
}

function seal(log: string, entry: Entry): string {
  return encrypt(logKey(), deflateRawSync(JSON.stringify(entry)).toString('base64'), log);
}

function open(log: string, sealed: string): Entry {
  const plain = decrypt(logKey(), sealed, log);
  if (plain === null) throw new IntegrationError('internal_error', 'A shared load could not be read back. Try again.', 500);
  return JSON.parse(inflateRawSync(Buffer.from(plain, 'base64')).toString('utf8')) as Entry;
}

async function produce(base: string, generation: string, start: (signal: AbortSignal) => ItemBatches): Promise<void> {
  const store = getStore();
  const lease = `${base}:lease`;
  const log = `${base}:${generation}:log`;
  const readKey = `${base}:${generation}:read`;
  const abort = new AbortController();
  const renew = setInterval(() => void store.replaceIfEquals(lease, generation, generation, LEASE_SECONDS).catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
  let written = 0;
  const furthestRead = async () => Math.max(local(log).read, Number((await retrying(() => store.get(readKey))) ?? 0));
  let summary: LoadSummary | void = undefined;
  // Delegating keeps the traversal's return value, which for-await drops.
  const pages = (async function* () {
    summary = yield* start(abort.signal);
  })();
  try {
    for await (const items of pages) {
      written = await retrying(() => store.append(log, seal(log, { items }), LOG_TTL_SECONDS));
      wakeReaders(log);
      for (let idleSince = Date.now(); written - (await furthestRead()) > AHEAD_PAGES; ) {
        if (Date.now() - idleSince > IDLE_MS) return;
        await sleep(POLL_MS);
      }
    }
    const skipped = skippedOf(summary);
    await retrying(() => store.append(log, seal(log, skipped > 0 ? { done: true, skipped } : { done: true }), LOG_TTL_SECONDS));
  } catch (error) {
    const { status, body } = describeError(error);
    await store.append(log, seal(log, { error: { status, ...body.error } }), LOG_TTL_SECONDS).catch(() => undefined);
  } finally {
    clearInterval(renew);
    abort.abort();
    wakeReaders(log);
    setTimeout(() => holder.__integrationsHubSharedLoads?.delete(log), LOG_TTL_SECONDS * 1000).unref?.();
    await store.delIfEquals(lease, generation).catch(() => undefined);
  }
}

/**
 * The pages of a load, shared with every identical load that overlaps it. `id` names what is
 * loaded (session, provider, options); it is hashed before it reaches the store. Every reader
 * of a complete load returns the traversal's summary.
 */
export async function* sharedLoad(
  id: string,
  start: (signal: AbortSignal) => ItemBatches,
  signal?: AbortSignal,
): AsyncGenerator<IntegrationItem[], LoadSummary | void> {
  const store = getStore();
  const base = `load:${hmacBase64Url(logKey(), id)}`;
  const lease = `${base}:lease`;
  const given = new Set<string>();
  for (;;) {
    // Join the running traversal, or start one.
    const mine = randomToken(12);
    let generation: string | null = null;
    if (await store.setIfAbsent(lease, mine, LEASE_SECONDS * 1000)) {
      generation = mine;
      void produce(base, mine, start);
    } else {
      generation = await store.get(lease);
      if (!generation) continue;
    }
    const log = `${base}:${generation}:log`;
    let index = 0;
    let stalledSince = Date.now();
    for (;;) {
      // Never a normal end: the caller would take a cut list for a complete one (a done line).
      signal?.throwIfAborted();
      const sealed = await retrying(() => store.readFrom(log, index, AHEAD_PAGES));
      if (sealed.length === 0) {
        // A stalled log whose lease moved on lost its producer: start over, skipping what was given.
        if (Date.now() - stalledSince > LEASE_SECONDS * 1000 && (await store.get(lease)) !== generation) break;
        await waitForEntries(log, POLL_MS);
        continue;
      }
      stalledSince = Date.now();
      for (const raw of sealed) {
        index += 1;
        const entry = open(log, raw);
        if ('done' in entry) return { skipped: entry.skipped ?? 0 };
        if ('error' in entry) throw new IntegrationError(entry.error.code, entry.error.message, entry.error.status);
        const fresh = entry.items.filter((item) => {
          const key = `${item.provider}:${item.type}:${item.id}`;
          if (given.has(key)) return false;
          given.add(key);
          return true;
        });
        local(log).read = Math.max(local(log).read, index);
        void store.set(`${base}:${generation}:read`, String(index), LOG_TTL_SECONDS).catch(() => undefined);
        if (fresh.length) yield fresh;
      }
    }
  }
}
