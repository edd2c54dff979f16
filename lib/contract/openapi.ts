import { z } from 'zod';
import { errorBodySchema } from './error';
import { healthSchema, integrationSummarySchema } from './integration';
import { integrationItemSchema } from './item';
import { itemsStreamLineSchema } from './ndjson';

type JsonObject = Record<string, unknown>;

const ref = (schema: z.ZodType): JsonObject => {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error('openapi: a referenced schema has no meta id');
  return { $ref: `#/components/schemas/${id}` };
};
const json = (schema: JsonObject) => ({ 'application/json': { schema } });
const errorAnswer = (description: string) => ({ description, content: json(ref(errorBodySchema)) });
const providerParameter = { name: 'provider', in: 'path', required: true, schema: { type: 'string' }, description: 'A provider id, as listed by GET /api/integrations' };
const modifiedSince = {
  name: 'modified_since',
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description: 'Only items created or modified at or after this ISO 8601 instant',
};

const itemsAnswer = (description: string) => ({
  parameters: [modifiedSince],
  responses: {
    200: {
      description,
      content: {
        ...json({ type: 'array', items: ref(integrationItemSchema) }),
        'application/x-ndjson': {
          schema: ref(itemsStreamLineSchema),
          description: 'One JSON value per line: items, then {"done":{"count":N}} (with "skipped":K when K records could not be read and were left out) or an error line',
        },
      },
    },
    400: errorAnswer('modified_since is not an ISO 8601 instant'),
    401: errorAnswer('not_connected or reconnect_required'),
    default: errorAnswer('Any other failure'),
  },
});

/** Component schemas from every contract schema that carries a meta id (refs between them kept). */
function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

let document: JsonObject | null = null;

/** The OpenAPI 3.1 description of the app's HTTP API, generated from the contract's zod schemas. */
export function openApiDocument(): JsonObject {
  document ??= {
    openapi: '3.1.0',
    info: { title: 'Integrations Hub API', version: '1' },
    components: { schemas: componentSchemas() },
    paths: {
      '/api/health': {
        get: { responses: { 200: { description: 'The store answers', content: json(ref(healthSchema)) }, default: errorAnswer('The store is unreachable (503)') } },
      },
      '/api/openapi.json': {
        get: { responses: { 200: { description: 'This document', content: json({ type: 'object' }) } } },
      },
      '/api/integrations': {
        get: {
          responses: {
            200: { description: 'Every integration, for this session', content: json({ type: 'array', items: ref(integrationSummarySchema) }) },
            default: errorAnswer('Failure'),
          },
        },
      },
      '/api/integrations/{provider}': {
        delete: {
          parameters: [providerParameter],
          responses: { 204: { description: 'Disconnected (revoked where the provider can, credentials deleted)' }, default: errorAnswer('Failure') },
        },
      },
      '/api/integrations/{provider}/authorize': {
        get: {
          parameters: [providerParameter, { name: 'mode', in: 'query', required: false, schema: { type: 'string', enum: ['popup', 'redirect'] } }],
          responses: { 302: { description: "To the provider's consent page" }, default: errorAnswer('Unknown provider or bad mode') },
        },
      },
      '/api/integrations/{provider}/oauth2callback': {
        get: {
          parameters: [providerParameter],
          responses: {
            200: { description: 'A page that tells the opener window and closes', content: { 'text/html': { schema: { type: 'string' } } } },
            303: { description: 'Back to the app (full-page flow), with the result code in the query' },
            default: { description: 'A page saying what went wrong', content: { 'text/html': { schema: { type: 'string' } }, ...json(ref(errorBodySchema)) } },
          },
        },
      },
      '/api/integrations/{provider}/items': { get: { ...itemsAnswer("The provider's items"), parameters: [providerParameter, modifiedSince] } },
      '/api/items': { get: itemsAnswer('The items of every connected provider, merged') },
    },
  };
  return document;
}
