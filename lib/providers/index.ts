import 'server-only';
import { ProviderNotFoundError } from '@/lib/shared/errors';
import { airtable } from '@/lib/providers/airtable';
import { hubspot } from '@/lib/providers/hubspot';
import { notion } from '@/lib/providers/notion';
import type { ProviderDefinition } from '@/lib/providers/types';

/** Every integration the app offers, in the order the UI lists them. */
export const providers: readonly ProviderDefinition[] = [hubspot, airtable, notion];

export function findProvider(id: string): ProviderDefinition | null {
  return providers.find((provider) => provider.id === id) ?? null;
}

export function getProvider(id: string): ProviderDefinition {
  const provider = findProvider(id);
  if (!provider) throw new ProviderNotFoundError(id);
  return provider;
}
