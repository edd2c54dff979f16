import type { IntegrationSummary } from '@/lib/contract';

/** The picker's choice that loads every connected integration into one table (also `?provider=all`). */
export const ALL_CONNECTED = 'all';

/** The providers a Load Data of this selection covers: the one picked, or every connected one. */
export function providersToLoad(selection: string, integrations: readonly IntegrationSummary[]): string[] {
  if (selection === ALL_CONNECTED) return integrations.filter((i) => i.status === 'connected').map((i) => i.provider);
  return integrations.some((i) => i.provider === selection) ? [selection] : [];
}
