// The HTTP contract, once: zod schemas for every answer the API gives, the NDJSON lines, the
// OAuth popup message and the error codes. Server, browser and tests import these; the OpenAPI
// document (GET /api/openapi.json) is generated from them (./openapi.ts).
export * from './error';
export * from './integration';
export * from './item';
export * from './ndjson';
export * from './oauth-message';
