import 'server-only';
import { z } from 'zod';
import type { AuthorizeSpec } from '../emulator';
import { isKnownClient } from './client-credentials';
import { isValidCodeChallenge } from './pkce';
import { isRegisteredRedirectUri } from './redirect-uri';

/** Validation of the parameters of an authorization request (consent page GET and its form POST). */

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  /** The parameters as received, replayed as hidden fields on the consent form. */
  params: Array<[string, string]>;
}

export type AuthorizeValidation =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** A problem the provider shows on its own page: it never redirects to an unverified URI. */
  | { kind: 'page'; title: string; message: string }
  | { kind: 'redirect'; redirectUri: string; error: string; description: string; state: string | null };

const paramValue = z.string().max(4096);
const authorizeParamsSchema = z
  .object({
    client_id: paramValue.optional(),
    redirect_uri: paramValue.optional(),
    scope: paramValue.optional(),
    state: paramValue.optional(),
    response_type: paramValue.optional(),
    code_challenge: paramValue.optional(),
    code_challenge_method: paramValue.optional(),
  })
  .catchall(paramValue);

const CONTROL_FIELDS = new Set(['decision']);

export function validateAuthorizeRequest(providerId: string, spec: AuthorizeSpec, source: URLSearchParams): AuthorizeValidation {
  const entries = [...source.entries()].filter(([name]) => !CONTROL_FIELDS.has(name));
  const parsed = authorizeParamsSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) {
    return { kind: 'page', title: 'Invalid request', message: 'The authorization request has malformed or oversized parameters.' };
  }
  const p = parsed.data;
  if (!isKnownClient(providerId, p.client_id)) {
    return {
      kind: 'page',
      title: 'Unknown application',
      message: 'The client_id in this authorization request does not belong to any registered application.',
    };
  }
  if (!isRegisteredRedirectUri(providerId, p.redirect_uri)) {
    return {
      kind: 'page',
      title: 'Invalid redirect URI',
      message: 'The redirect_uri is missing or does not match a redirect URI registered for this application.',
    };
  }
  const redirectUri = p.redirect_uri;
  const state = p.state ?? null;
  const redirectError = (error: string, description: string): AuthorizeValidation => ({
    kind: 'redirect',
    redirectUri,
    error,
    description,
    state,
  });
  if (spec.responseTypeCode && p.response_type !== 'code') {
    return redirectError('unsupported_response_type', 'response_type must be "code"');
  }
  for (const [name, expected] of Object.entries(spec.fixedParams ?? {})) {
    if (source.get(name) !== expected) return redirectError('invalid_request', `${name} must be "${expected}"`);
  }
  if (spec.stateRequired && !state) return redirectError('invalid_request', 'state is required');
  const scopes = (p.scope ?? '').split(/\s+/).filter((scope) => scope !== '');
  if (spec.scopes === 'required' && scopes.length === 0) return redirectError('invalid_scope', 'scope is required');
  const missing = (spec.mandatoryScopes ?? []).filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) return redirectError('invalid_scope', `scope must include ${missing.join(', ')}`);
  const challenge = p.code_challenge ?? null;
  if (challenge === null && spec.pkce === 'required') return redirectError('invalid_request', 'code_challenge is required');
  if (challenge !== null) {
    if (p.code_challenge_method !== 'S256' && !(spec.pkce === 'optional' && p.code_challenge_method === undefined)) {
      return redirectError('invalid_request', 'code_challenge_method must be "S256"');
    }
    if (!isValidCodeChallenge(challenge)) {
      return redirectError('invalid_request', 'code_challenge must be a base64url SHA-256 digest (43 characters)');
    }
  }
  return {
    kind: 'ok',
    request: { clientId: p.client_id ?? '', redirectUri, scopes, state, codeChallenge: challenge, params: entries },
  };
}
