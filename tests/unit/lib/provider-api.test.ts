import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProviderApi, parseRetryAfter } from '@/lib/server/provider-api';
import type { ProviderDefinition } from '@/lib/providers/types';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let queue: Handler[] = [];
const seen: Array<{ url: string; authorization?: string; at: number }> = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization, at: Date.now() });
    const handler = queue.shift() ?? ((_req, res) => res.writeHead(500).end('{"message":"no handler"}'));
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  queue = [];
  seen.length = 0;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

const provider = {
  displayName: 'Fake',
  api: { endpoint: { live: 'https://fake.example', sandboxPath: '' } },
  rateLimit: { requests: 1000, intervalMs: 1000, retryAfterDefaultMs: 100 },
} as unknown as ProviderDefinition;

function api(overrides: Partial<Parameters<typeof createProviderApi>[0]> = {}) {
  let token = 'token-1';
  return createProviderApi({
    provider,
    apiUrl: origin,
    limiterKey: `fake:${Math.random()}`,
    accessToken: () => token,
    async onUnauthorized() {
      token = 'token-2';
      return token;
    },
    ...overrides,
  });
}

const okSchema = z.object({ ok: z.literal(true) });

describe('createProviderApi', () => {
  it('tells the caller each time the request leaves, after any wait for the budget', async () => {
    queue.push(json(503, { message: 'busy' }), json(200, { ok: true }));
    const sent: number[] = [];
    await api().request(okSchema, '/items', { onSent: () => sent.push(seen.length) });
    // Called just before each attempt reaches the server: none had arrived before the first, one before the second.
    expect(sent).toEqual([0, 1]);
    expect(seen).toHaveLength(2);
  });

  it('sends the bearer token and repeats array query parameters', async () => {
    queue.push(json(200, { ok: true }));
    await api().request(okSchema, '/items', { query: { properties: ['a', 'b'], limit: 100, skip: undefined } });
    expect(seen[0].url).toBe('/items?properties=a&properties=b&limit=100');
    expect(seen[0].authorization).toBe('Bearer token-1');
  });

  it('waits for Retry-After on a 429, then succeeds', async () => {
    queue.push(json(429, { message: 'slow down' }, { 'retry-after': '0.3' }), json(200, { ok: true }));
    await expect(api().request(okSchema, '/x')).resolves.toEqual({ ok: true });
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(290);
  });

  it("waits the provider's default on a 429 without Retry-After", async () => {
    queue.push(json(429, {}), json(200, { ok: true }));
    await api().request(okSchema, '/x');
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(95);
  });

  it('retries 5xx answers with backoff', async () => {
    queue.push(json(503, {}), json(500, {}), json(200, { ok: true }));
    await expect(api().request(okSchema, '/x')).resolves.toEqual({ ok: true });
    expect(seen).toHaveLength(3);
    // Exponential with ±25 % jitter: about 200 ms, then about 400 ms.
    const [first, second] = [seen[1].at - seen[0].at, seen[2].at - seen[1].at];
    expect(first).toBeGreaterThanOrEqual(145);
    expect(second).toBeGreaterThanOrEqual(295);
    expect(second).toBeGreaterThan(first);
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    queue.push(json(401, {}), json(200, { ok: true }));
    await api().request(okSchema, '/x');
    expect(seen.map((entry) => entry.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('asks for a reconnect when the new token is rejected too', async () => {
    queue.push(json(401, {}), json(401, {}));
    await expect(api().request(okSchema, '/x')).rejects.toMatchObject({ code: 'reconnect_required', status: 401 });
  });

  it("reports a 4xx with the provider's message", async () => {
    queue.push(json(400, { message: 'limit must be at most 100' }));
    await expect(api().request(okSchema, '/x')).rejects.toMatchObject({ code: 'provider_error', message: expect.stringContaining('limit must be at most 100') });
  });

  it('rejects an answer of the wrong shape, and one that is not JSON', async () => {
    queue.push(json(200, { ok: 'yes' }), (_req, res) => res.writeHead(200).end('<html>'));
    await expect(api().request(okSchema, '/x')).rejects.toMatchObject({ code: 'provider_error' });
    await expect(api().request(okSchema, '/x')).rejects.toMatchObject({ code: 'provider_error' });
  });

  it('lets 429s cost time, not attempts: more of them than MAX_ATTEMPTS still end in the answer', async () => {
    for (let i = 0; i < 7; i++) queue.push(json(429, {}, { 'retry-after': '0.01' }));
    queue.push(json(200, { ok: true }));
    await expect(api().request(okSchema, '/x')).resolves.toEqual({ ok: true });
  });

  it('gives up with provider_timeout when one request would stall past its budget', async () => {
    queue.push(json(429, {}, { 'retry-after': '5' }));
    await expect(api({ retryBudgetMs: 500 }).request(okSchema, '/x')).rejects.toMatchObject({ code: 'provider_timeout', status: 504 });
  });

  it('retries an unreachable provider, then gives up', async () => {
    const closed = createProviderApi({ provider, apiUrl: 'http://127.0.0.1:1', limiterKey: 'fake:closed', accessToken: () => 't', retryBudgetMs: 400 });
    await expect(closed.request(okSchema, '/x')).rejects.toMatchObject({ code: 'provider_timeout' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
