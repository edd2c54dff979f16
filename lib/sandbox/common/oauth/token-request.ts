import 'server-only';
import { z } from 'zod';
import type { TokenRequest } from './token-exchange';

/** The fields a token request may carry, whatever the provider's body format. */
export const tokenFieldsSchema = z.looseObject({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  code_verifier: z.string().optional(),
  refresh_token: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

export type TokenFields = z.infer<typeof tokenFieldsSchema>;

/** A provider-neutral token request; the client comes from the body unless the provider authenticates it otherwise. */
export function toTokenRequest(fields: TokenFields, client?: { clientId?: string; clientSecret?: string }): TokenRequest {
  return {
    grantType: fields.grant_type,
    code: fields.code,
    redirectUri: fields.redirect_uri,
    codeVerifier: fields.code_verifier,
    refreshToken: fields.refresh_token,
    ...(client ?? { clientId: fields.client_id, clientSecret: fields.client_secret }),
  };
}

/** Reads a form-encoded token request body; null when it is not one. */
export function parseTokenForm(form: URLSearchParams | null): TokenFields | null {
  const parsed = tokenFieldsSchema.safeParse(form ? Object.fromEntries(form.entries()) : null);
  return parsed.success ? parsed.data : null;
}
