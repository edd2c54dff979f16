import 'server-only';
import { basicCredentials } from '../http';

/**
 * Client authentication by HTTP Basic (Airtable, Notion). A client_id in the body, when
 * present, must name the same client; without a Basic header the client is unauthenticated.
 */
export function basicClient(request: Request, bodyClientId: string | undefined): { clientId?: string; clientSecret?: string } {
  const basic = basicCredentials(request);
  if (!basic) return {};
  if (bodyClientId !== undefined && bodyClientId !== basic.id) return { clientId: bodyClientId, clientSecret: undefined };
  return { clientId: basic.id, clientSecret: basic.secret };
}
