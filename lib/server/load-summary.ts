import 'server-only';
import type { IntegrationItem } from '@/lib/contract';

/** What a complete load says besides its items. */
export interface LoadSummary {
  /** Records the provider could not read and left out of the list. */
  skipped: number;
}

/**
 * A load's items, batch by batch. A load that completes returns its summary; one that returns
 * nothing (a source that never leaves anything out) skipped nothing.
 */
export type ItemBatches = AsyncGenerator<IntegrationItem[], LoadSummary | void>;

export function skippedOf(summary: LoadSummary | void): number {
  return summary ? summary.skipped : 0;
}
