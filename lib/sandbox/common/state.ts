import 'server-only';
import { defaultFaults, type Faults } from './faults';
import { emptyOAuthState, type OAuthState } from './oauth/records';
import { SlidingWindowLimiter } from '@/lib/sliding-window-limiter';
import { emptyStats, type Stats } from './stats';

/** Everything one emulator remembers between requests. */
export interface EmulatorState {
  oauth: OAuthState;
  faults: Faults;
  stats: Stats;
  /** OAuth endpoint calls since the process started (`_stats/reset` leaves them), for a whole test run's tally. */
  oauthEndpointsSinceStart: Record<string, number>;
  limiter: SlidingWindowLimiter;
  /** Lazily generated sandbox data, identical for every account. */
  dataCache: Map<string, unknown>;
}

interface SandboxGlobalState {
  emulators: Map<string, EmulatorState>;
}

// Next may load this module more than once per process; the state must be one object.
const holder = globalThis as typeof globalThis & { __integrationsHubSandbox?: SandboxGlobalState };

function globalState(): SandboxGlobalState {
  holder.__integrationsHubSandbox ??= { emulators: new Map() };
  return holder.__integrationsHubSandbox;
}

export function emulatorState(emulatorId: string): EmulatorState {
  const all = globalState().emulators;
  let state = all.get(emulatorId);
  if (!state) {
    state = {
      oauth: emptyOAuthState(),
      faults: defaultFaults(),
      stats: emptyStats(),
      oauthEndpointsSinceStart: {},
      limiter: new SlidingWindowLimiter(),
      dataCache: new Map(),
    };
    all.set(emulatorId, state);
  }
  return state;
}

/** Builds a data set once per process and returns the cached copy afterwards. */
export function cachedData<T>(state: EmulatorState, key: string, build: () => T): T {
  if (!state.dataCache.has(key)) state.dataCache.set(key, build());
  return state.dataCache.get(key) as T;
}
