import { describe, expect, it } from 'vitest';
import type { Connection } from '@/lib/oauth/connection-store';
import { needsRefresh, REFRESH_MARGIN_MS } from '@/lib/oauth/refresh';

const connection = (expiresAt: number | null, refreshToken: string | null = 'r'): Connection => ({
  providerId: 'x',
  accessToken: 'a',
  refreshToken,
  expiresAt,
  scope: null,
  account: { id: '1', label: 'Account', details: {} },
  status: 'active',
  connectedAt: 0,
  refreshedAt: null,
});

describe('needsRefresh', () => {
  const now = 1_000_000_000;
  it('refreshes inside the margin before expiry, and after it', () => {
    expect(needsRefresh(connection(now + REFRESH_MARGIN_MS - 1), now)).toBe(true);
    expect(needsRefresh(connection(now - 1), now)).toBe(true);
    expect(needsRefresh(connection(now + REFRESH_MARGIN_MS + 1000), now)).toBe(false);
  });
  it('never refreshes tokens that do not expire or cannot be refreshed', () => {
    expect(needsRefresh(connection(null), now)).toBe(false);
    expect(needsRefresh(connection(now - 1, null), now)).toBe(false);
  });
});
