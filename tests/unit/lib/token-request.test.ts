import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { requestNeverSent } from '@/lib/oauth/never-sent';
import { isInvalidGrant, requestToken } from '@/lib/oauth/token-request';
import type { ProviderConfig } from '@/lib/providers/config';
import type { ProviderDefinition } from '@/lib/providers/types';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let queue: Handler[] = [];
let received = 0;
let server: Server;
let tokenUrl = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    received += 1;
    request.resume();
    (queue.shift() ?? ((_req, res) => res.writeHead(500).end('{}')))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  queue = [];
  received = 0;
});
afterEach(() => vi.restoreAllMocks());

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const tokens = json(200, { access_token: 'new-access', refresh_token: 'new-refresh', expires_in: 3600 });

const provider = {
  id: 'fake',
  displayName: 'Fake',
  api: { endpoint: { live: 'https://fake.example', sandboxPath: '' } },
  token: { endpoint: { live: 'https://fake.example/token', sandboxPath: '' }, clientAuth: 'body', bodyFormat: 'form' },
} as unknown as ProviderDefinition;
const config = () => ({ tokenUrl, clientId: 'id', clientSecret: 'secret' }) as ProviderConfig;
const refresh = (deadline?: number) =>
  requestToken(provider, config(), { grant_type: 'refresh_token', refresh_token: 'single-use' }, 'refresh the access token', { deadline });

/** A fetch failure as undici reports it, with the system error code as the cause. */
const networkError = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

describe('requestToken: a reusable grant (a refresh token that does not rotate)', () => {
  const reusableRefresh = () =>
    requestToken(provider, config(), { grant_type: 'refresh_token', refresh_token: 'reusable' }, 'refresh the access token', { reusable: true });

  it('is sent again after a 5xx, and succeeds', async () => {
    queue.push(json(503, {}), tokens);
    await expect(reusableRefresh()).resolves.toMatchObject({ access_token: 'new-access' });
    expect(received).toBe(2);
  });

  it('gives up with the provider error once its attempts are spent', async () => {
    queue.push(json(500, {}), json(502, {}), json(500, {}), json(500, {}), json(500, {}));
    await expect(reusableRefresh()).rejects.toMatchObject({ code: 'provider_error', status: 502 });
    expect(received).toBeGreaterThan(1);
  });
});

describe('requestToken: a single-use grant is presented once', () => {
  it('does not send it again after a 5xx (the provider may have used it)', async () => {
    queue.push(json(500, { error: { type: 'SERVER_ERROR' } }), tokens);
    await expect(refresh()).rejects.toMatchObject({ code: 'provider_error', status: 502, providerStatus: 500 });
    expect(received).toBe(1);
  });

  it('does not send it again after a timeout, and never waits past the deadline', async () => {
    queue.push(() => undefined, tokens); // the first request never gets an answer
    const started = Date.now();
    await expect(refresh(Date.now() + 300)).rejects.toMatchObject({ code: 'provider_timeout', status: 504 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(received).toBe(1);
  });

  it('does not send it again when the connection broke after it was sent', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(networkError('ECONNRESET'));
    await expect(refresh()).rejects.toMatchObject({ code: 'provider_error' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('sends it again when the request provably never left (connection refused, DNS)', async () => {
    const realFetch = globalThis.fetch;
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockRejectedValueOnce(networkError('ECONNREFUSED'))
      .mockRejectedValueOnce(new TypeError('fetch failed', { cause: new AggregateError([networkError('ENOTFOUND').cause]) }))
      .mockImplementation((input, init) => realFetch(input, init));
    queue.push(tokens);
    await expect(refresh()).resolves.toMatchObject({ access_token: 'new-access', refresh_token: 'new-refresh', expires_in: 3600 });
    expect(fetchSpy).toHaveBeenCalledTimes(3);
    expect(received).toBe(1);
  });

  it('sends it again after a 429, which the provider refused without using it', async () => {
    queue.push(json(429, {}, { 'retry-after': '0.1' }), tokens);
    await expect(refresh()).resolves.toMatchObject({ access_token: 'new-access' });
    expect(received).toBe(2);
  });

  it('throws OAuth errors at once, and recognises a dead grant', async () => {
    queue.push(json(400, { error: 'invalid_grant', error_description: 'refresh token already used' }), tokens);
    const error = await refresh().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'oauth_error', oauthError: 'invalid_grant', message: expect.stringContaining('refresh token already used') });
    expect(isInvalidGrant(provider, error)).toBe(true);
    expect(received).toBe(1);
  });
});

describe('requestNeverSent', () => {
  it('accepts only failures before a connection existed', () => {
    expect(requestNeverSent(networkError('ECONNREFUSED'))).toBe(true);
    expect(requestNeverSent(networkError('ENOTFOUND'))).toBe(true);
    expect(requestNeverSent(networkError('UND_ERR_CONNECT_TIMEOUT'))).toBe(true);
    expect(requestNeverSent(new AggregateError([networkError('ECONNREFUSED'), networkError('EHOSTUNREACH')]))).toBe(true);
    expect(requestNeverSent(new AggregateError([networkError('ECONNREFUSED'), networkError('ECONNRESET')]))).toBe(false);
    expect(requestNeverSent(networkError('ECONNRESET'))).toBe(false);
    expect(requestNeverSent(new DOMException('timed out', 'TimeoutError'))).toBe(false);
    expect(requestNeverSent(null)).toBe(false);
  });
});
