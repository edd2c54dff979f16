import { z } from 'zod';
import { errorCodeSchema } from './error';
import { accountSchema } from './integration';

export const OAUTH_MESSAGE_SOURCE = 'integrations-hub';
export const OAUTH_MESSAGE_TYPE = 'oauth-result';

/** How a connect attempt ended, as the page learns it (the popup message or the redirect's query). */
export const oauthResultSchema = z.discriminatedUnion('ok', [
  z.object({ provider: z.string().min(1), ok: z.literal(true), account: accountSchema.nullable() }),
  z.object({ provider: z.string().min(1), ok: z.literal(false), error: z.object({ code: errorCodeSchema, message: z.string().min(1) }) }),
]);
export type OAuthResult = z.infer<typeof oauthResultSchema>;

/** What the OAuth callback page posts to the window that opened it (exact origin only). */
export const oauthResultMessageSchema = z.intersection(
  z.object({ source: z.literal(OAUTH_MESSAGE_SOURCE), type: z.literal(OAUTH_MESSAGE_TYPE) }),
  oauthResultSchema,
);
export type OAuthResultMessage = z.infer<typeof oauthResultMessageSchema>;

export function oauthResultMessage(result: OAuthResult): OAuthResultMessage {
  return { source: OAUTH_MESSAGE_SOURCE, type: OAUTH_MESSAGE_TYPE, ...result };
}
