import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { IntegrationSummary } from '@/lib/contract';
import { checkAnswer, contractFor } from './contract';

export const APP = (process.env.TEST_APP_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

/** A port for an extra app instance, offset from the main app's port so parallel checkouts do not collide. */
export function extraPort(offset: number): number {
  return Number(new URL(APP).port) + offset;
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/5';

/** A browser-like HTTP client: keeps its own cookies, never follows redirects by itself. */
export class TestBrowser {
  constructor(
    readonly origin = APP,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser session (cookies) talking to another server instance. */
  at(origin: string): TestBrowser {
    return new TestBrowser(origin, this.cookies);
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.origin}${path}`;
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    await checkAnswer(init.method ?? 'GET', new URL(url), response);
    return response;
  }

  async json<T = unknown>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; response: Response }> {
    const response = await this.fetch(path, init);
    return { status: response.status, body: (await response.json()) as T, response };
  }

  /** Starts a flow and returns the consent URL the app redirected to. */
  async authorize(providerId: string, mode?: 'redirect'): Promise<URL> {
    const response = await this.fetch(`/api/integrations/${providerId}/authorize${mode ? `?mode=${mode}` : ''}`);
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  /** Runs the whole connect flow through the sandbox consent page; returns the callback response. */
  async connect(providerId: string, decision: 'allow' | 'deny' = 'allow'): Promise<Response> {
    const callback = await decideConsent(await this.authorize(providerId), decision);
    return this.fetch(callback.toString());
  }

  async integration(providerId: string): Promise<IntegrationSummary> {
    const { body } = await this.json<IntegrationSummary[]>('/api/integrations');
    const found = body.find((entry) => entry.provider === providerId);
    if (!found) throw new Error(`no integration ${providerId}`);
    return found;
  }
}

export type { IntegrationSummary as Integration, IntegrationItem as Item } from '@/lib/contract';

/** Clicks Allow or Deny on a sandbox consent page; returns where the provider sends the browser back to. */
export async function decideConsent(consentUrl: URL, decision: 'allow' | 'deny'): Promise<URL> {
  const page = await fetch(consentUrl, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const form = new URLSearchParams(consentUrl.searchParams);
  form.set('decision', decision);
  const answer = await fetch(new URL(consentUrl.pathname, consentUrl), { method: 'POST', body: form, redirect: 'manual' });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '');
}

export async function listProviders(): Promise<string[]> {
  const { body } = await new TestBrowser().json<IntegrationSummary[]>('/api/integrations');
  return body.map((entry) => entry.provider);
}

export const sandbox = (providerId: string) => ({
  async faults(faults: Record<string, unknown>) {
    const response = await fetch(`${APP}/sandbox/${providerId}/_faults`, { method: 'POST', body: JSON.stringify(faults), headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
  },
  async reset() {
    await fetch(`${APP}/sandbox/${providerId}/_faults`, { method: 'DELETE' });
    await this.resetStats();
  },
  async resetStats() {
    expect((await fetch(`${APP}/sandbox/${providerId}/_stats/reset`, { method: 'POST' })).status).toBe(200);
  },
  async stats(): Promise<{
    tokenRequests: Record<string, number>;
    apiRequests: number;
    rateLimited: number;
    revoked: number;
    searchesOverWindow: number;
    /** Calls per OAuth endpoint since the last reset, keyed like `POST oauth/2026-03/token`. */
    oauthEndpoints: Record<string, number>;
  }> {
    return (await fetch(`${APP}/sandbox/${providerId}/_stats`)).json();
  },
});


/** The lines of an NDJSON answer, each checked against the OpenAPI contract's items-stream line. */
export async function readNdjson(response: Response): Promise<unknown[]> {
  const text = await response.text();
  const lines = text.split('\n').filter(Boolean).map((line): unknown => JSON.parse(line));
  const contract = await contractFor(new URL(response.url || APP).origin);
  for (const line of lines) contract.checkStreamLine(line);
  return lines;
}

const APP_VARIABLES = /^(APP_URL|REDIS_URL|SECRET_KEY|SECRET_KEY_PREVIOUS|SANDBOX_CONTROL|PORT|NODE_ENV|VERCEL|[A-Z]+_(CLIENT_ID|CLIENT_SECRET|AUTHORIZE_URL|TOKEN_URL|API_URL|SCOPES))$/;

/** This process's environment without any of the app's own variables, plus the given ones. */
export function appEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !APP_VARIABLES.test(name)));
  return { ...inherited, NEXT_TELEMETRY_DISABLED: '1', ...env } as unknown as NodeJS.ProcessEnv;
}

/** Spawns `next start` of the built app with its own environment, collecting what it prints. */
export function spawnApp(port: number, env: Record<string, string>): { child: ChildProcess; output(): string } {
  let output = '';
  const child = spawn('./node_modules/.bin/next', ['start', '-H', '127.0.0.1', '-p', String(port)], {
    env: appEnvironment({ PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/**
 * Another instance of the test app, as behind a load balancer: the same public origin, Redis, key
 * and sandbox switches, listening on `port`.
 */
export function startSiblingApp(port: number): ReturnType<typeof startApp> {
  return startApp(port, { APP_URL: APP, REDIS_URL: TEST_REDIS_URL, SECRET_KEY: process.env.TEST_SECRET_KEY ?? '', SANDBOX_CONTROL: '1' });
}

/** Starts another instance of the built app and waits until it answers (for store and config tests). */
export async function startApp(port: number, env: Record<string, string>): Promise<{ url: string; stop(): Promise<void>; log(): string }> {
  const { child, output } = spawnApp(port, env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`app on ${port} did not start:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    log: output,
    async stop() {
      await keepForLogScan(port, url, env, output);
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

const ARTIFACTS = '.test-artifacts';

/**
 * Leaves an extra instance's log (and, with SANDBOX_CONTROL=1, what its sandboxes issued) where the
 * run's final log scan (scripts/check-logs-for-secrets.mjs) looks for leaked tokens.
 */
async function keepForLogScan(port: number, url: string, env: Record<string, string>, output: () => string): Promise<void> {
  const name = `${port}-${Date.now()}`;
  if (env.SANDBOX_CONTROL === '1') {
    const answer = await fetch(`${url}/sandbox/hubspot/_stats/issued`).catch(() => null);
    if (answer?.ok) {
      mkdirSync(join(ARTIFACTS, 'issued'), { recursive: true });
      writeFileSync(join(ARTIFACTS, 'issued', `${name}.json`), JSON.stringify(((await answer.json()) as { issued: string[] }).issued));
    }
  }
  mkdirSync(join(ARTIFACTS, 'instances'), { recursive: true });
  writeFileSync(join(ARTIFACTS, 'instances', `${name}.log`), output());
}
