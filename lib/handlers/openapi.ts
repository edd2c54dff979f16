import 'server-only';
import { openApiDocument } from '@/lib/contract/openapi';

/** GET /api/openapi.json: the API's OpenAPI 3.1 description, generated from lib/contract. */
export function handleOpenApi(): Response {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'no-store' } });
}
