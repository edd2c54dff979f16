import 'server-only';

/**
 * A seeded, deterministic pseudo-random generator (mulberry32) for sandbox data:
 * the same seed always yields the same records, in every process.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** A version-4-shaped UUID (with dashes). */
  uuid(): string {
    const hex = this.string(32, '0123456789abcdef').split('');
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(this.next() * 4)];
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** A time between two instants, as an ISO string with milliseconds. */
  timeBetween(startMs: number, endMs: number): string {
    return new Date(startMs + Math.floor(this.next() * (endMs - startMs))).toISOString();
  }
}

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The span sandbox records were "created" in: 2019-01-01 .. 2026-10-31 UTC. */
export const DATA_EPOCH_START = Date.UTC(2019, 0, 1);
export const DATA_EPOCH_END = Date.UTC(2026, 9, 31);

/** A creation time and a later modification time inside the data span. */
export function createdAndModified(random: SeededRandom): { created: string; modified: string } {
  const created = random.timeBetween(DATA_EPOCH_START, DATA_EPOCH_END);
  const modified = random.timeBetween(Date.parse(created), DATA_EPOCH_END);
  return { created, modified };
}
