import { createHash, randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/server/env';
import { handleSandboxRequest } from '@/lib/sandbox';
import { sandboxClientCredentials } from '@/lib/sandbox/credentials';

export const ORIGIN = 'http://localhost:3999';

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  json?: unknown;
  body?: string;
}

/** Calls an emulator in-process, as the catch-all route would. */
export async function call(provider: string, pathAndQuery: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  let body: string | undefined = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
  }
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set('Content-Type', 'application/json');
  }
  const url = `${ORIGIN}/sandbox/${provider}/${pathAndQuery}`;
  const request = new Request(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const path = new URL(url).pathname.split('/').slice(3).map(safeDecode);
  return handleSandboxRequest(provider, path, request);
}

export function clientOf(provider: string) {
  return sandboxClientCredentials(provider);
}

/** The redirect URI the emulators accept: the one registered for the app's own client. */
export function redirectUriOf(provider: string): string {
  return `${getEnv().publicOrigin}/api/integrations/${provider}/oauth2callback`;
}

export function basicAuth(provider: string, secret?: string): string {
  const { clientId, clientSecret } = clientOf(provider);
  return `Basic ${Buffer.from(`${clientId}:${secret ?? clientSecret}`).toString('base64')}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Posts the consent form with decision=allow and returns the redirect's query. */
export async function approve(provider: string, authorizePath: string, params: Record<string, string>): Promise<URLSearchParams> {
  const response = await call(provider, authorizePath, { form: { ...params, decision: 'allow' } });
  if (response.status !== 302) throw new Error(`consent answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location') ?? '').searchParams;
}

export async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
