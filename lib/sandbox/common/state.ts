import 'server-only';
import { getStore } from '@/lib/store';
import { defaultFaults, type Faults } from './faults';

/**
 * What one emulator remembers lives in the app's store (Redis when configured), never in
 * process memory, so a flow can authorize on one server instance, consent on a second and
 * call the API on a third. Only generated data is cached per process: it is rebuilt
 * identically from its seed and the `dataScale` switch, which is what the store keeps.
 */

/** Counters that turn whole classes of records invalid at once, so no switch has to visit every record. */
export interface Epochs {
  /** `expireAccessTokens`: tokens issued in an earlier epoch count as expired. */
  accessTokens: number;
  /** `revokeAllGrants`: grants created in an earlier epoch count as revoked. */
  grants: number;
  /** `DELETE _faults` starts fresh rate-limit windows. */
  limiter: number;
  /** Each new `fail` queue is consumed through its own counter. */
  failQueue: number;
}

export interface EmulatorState {
  readonly emulatorId: string;
  /** The switches as they were when this request started. */
  readonly faults: Faults;
  readonly epochs: Epochs;
  /** Generated data of this process, deterministic from its seed (see cachedData). */
  readonly dataCache: Map<string, unknown>;
}

interface ControlRecord {
  faults: Faults;
  epochs: Epochs;
}

/** Long enough to outlive every record an epoch judges (grants live at most GRANT_TTL). */
const CONTROL_TTL_SECONDS = 400 * 24 * 3600;

/** The store key of one emulator's record: `sandbox:{id}:{parts}`. */
export function sandboxKey(state: Pick<EmulatorState, 'emulatorId'>, ...parts: string[]): string {
  return ['sandbox', state.emulatorId, ...parts].join(':');
}

export function defaultEpochs(): Epochs {
  return { accessTokens: 0, grants: 0, limiter: 0, failQueue: 0 };
}

// Next may load this module more than once per process; the caches must be one object.
const holder = globalThis as typeof globalThis & { __integrationsHubSandboxData?: Map<string, Map<string, unknown>> };

function processDataCache(emulatorId: string): Map<string, unknown> {
  holder.__integrationsHubSandboxData ??= new Map();
  let cache = holder.__integrationsHubSandboxData.get(emulatorId);
  if (!cache) holder.__integrationsHubSandboxData.set(emulatorId, (cache = new Map<string, unknown>()));
  return cache;
}

/** Reads an emulator's switches from the store (one read per request). */
export async function loadEmulatorState(emulatorId: string): Promise<EmulatorState> {
  const raw = await getStore().get(sandboxKey({ emulatorId }, 'control'));
  const control = parseJson<ControlRecord>(raw);
  return {
    emulatorId,
    faults: { ...defaultFaults(), ...control?.faults },
    epochs: { ...defaultEpochs(), ...control?.epochs },
    dataCache: processDataCache(emulatorId),
  };
}

/** Writes new switches and epochs; the returned state is what later steps of this request see. */
export async function saveControl(state: EmulatorState, faults: Faults, epochs: Epochs): Promise<EmulatorState> {
  const record: ControlRecord = { faults, epochs };
  await getStore().set(sandboxKey(state, 'control'), JSON.stringify(record), CONTROL_TTL_SECONDS);
  return { ...state, faults, epochs };
}

/** Builds a data set once per process and returns the cached copy afterwards. */
export function cachedData<T>(state: EmulatorState, key: string, build: () => T): T {
  if (!state.dataCache.has(key)) state.dataCache.set(key, build());
  return state.dataCache.get(key) as T;
}

/** A stored JSON record, or null when absent or unreadable (the sandbox forgets, it never fails). */
export function parseJson<T>(raw: string | null): T | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

const SCALED_PREFIX = 'scaled:';

/**
 * Data built for a `dataScale` above 1 (a benchmark's large account): one scale is kept at a
 * time, and `dropScaledData` frees it, so switching scales cannot pile copies up in memory.
 */
export function scaledData<T>(state: EmulatorState, key: string, scale: string, build: () => T): T {
  const cacheKey = `${SCALED_PREFIX}${key}`;
  const cached = state.dataCache.get(cacheKey) as { scale: string; value: T } | undefined;
  if (cached?.scale === scale) return cached.value;
  state.dataCache.delete(cacheKey);
  const value = build();
  state.dataCache.set(cacheKey, { scale, value });
  return value;
}

export function dropScaledData(state: EmulatorState): void {
  for (const key of state.dataCache.keys()) if (key.startsWith(SCALED_PREFIX)) state.dataCache.delete(key);
}
