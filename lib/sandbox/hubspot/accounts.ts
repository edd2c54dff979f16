import 'server-only';
import type { SandboxAccount } from '../common/oauth/records';
import { randomNumber } from '../common/random';

/** A sandbox portal: unique id per consent, one installing user. */
export function createHubspotPortal(sequence: number): { id: string; details: Record<string, string> } {
  const portalId = 24_000_000 + sequence * 100 + randomNumber(0, 100);
  const userId = 60_000_000 + randomNumber(0, 9_000_000);
  return {
    id: String(portalId),
    details: { userId: String(userId), userEmail: `sandbox.user+${portalId}@example.com`, hubDomain: `sandbox-${portalId}.example.com` },
  };
}

export const HUBSPOT_APP_ID = 4_242_424;

export function portalNumber(account: SandboxAccount): number {
  return Number(account.id);
}
