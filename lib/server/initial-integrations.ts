import 'server-only';
import { listIntegrations } from '@/lib/server/connections';
import type { IntegrationSummary } from '@/lib/contract';
import { currentSessionKey } from '@/lib/server/session';

/**
 * The integrations and this session's connection status, for the page's first HTML. Null when the
 * store cannot answer: the page then renders and the browser asks again (showing what went wrong).
 */
export async function initialIntegrations(): Promise<IntegrationSummary[] | null> {
  try {
    return await listIntegrations(await currentSessionKey());
  } catch {
    return null;
  }
}
