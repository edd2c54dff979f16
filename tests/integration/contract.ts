import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Checks the app's answers against its own OpenAPI document (GET /api/openapi.json, generated
 * from lib/contract). TestBrowser runs every JSON answer under /api/ through it, and readNdjson
 * every line of a streamed items answer, so a test fails when an answer leaves the contract.
 */
type JsonObject = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: JsonObject }> }>;
}
interface Checker {
  check(method: string, url: URL, status: number, contentType: string, body: unknown): void;
  checkStreamLine(line: unknown): void;
}

const checkers = new Map<string, Promise<Checker>>();

function buildChecker(document: { paths: Record<string, Record<string, Operation>>; components: JsonObject }): Checker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'api', components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (schema: JsonObject): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"api#/components/')) as JsonObject);
      compiled.set(key, validate);
    }
    return validate;
  };
  const errorBody = validatorFor({ $ref: '#/components/schemas/ErrorBody' });
  const streamLine = validatorFor({ $ref: '#/components/schemas/ItemsStreamLine' });
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}$`),
    operations,
  }));
  const assertValid = (validate: ValidateFunction, body: unknown, what: string) => {
    if (!validate(body)) throw new Error(`${what} breaks the OpenAPI contract: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  };

  return {
    check(method, url, status, contentType, body) {
      const what = `${method} ${url.pathname} → ${status}`;
      const operation = routes.find((route) => route.pattern.test(url.pathname))?.operations[method.toLowerCase()];
      if (!operation) {
        if (status < 400) throw new Error(`${what}: the OpenAPI document has no such operation`);
        assertValid(errorBody, body, what);
        return;
      }
      const answer = operation.responses[String(status)] ?? operation.responses.default;
      if (!answer) throw new Error(`${what}: status not in the OpenAPI document`);
      const media = Object.entries(answer.content ?? {}).find(([type]) => contentType.startsWith(type));
      if (!media) throw new Error(`${what}: ${contentType} is not a documented answer`);
      assertValid(validatorFor(media[1].schema), body, what);
    },
    checkStreamLine(line) {
      assertValid(streamLine, line, 'an NDJSON items line');
    },
  };
}

export function contractFor(origin: string): Promise<Checker> {
  let checker = checkers.get(origin);
  if (!checker) {
    checker = fetch(`${origin}/api/openapi.json`).then(async (response) => {
      if (!response.ok) throw new Error(`GET /api/openapi.json answered ${response.status}`);
      return buildChecker((await response.json()) as Parameters<typeof buildChecker>[0]);
    });
    checkers.set(origin, checker);
  }
  return checker;
}

/** Validates a JSON answer of the app under /api/ (other answers pass through unchecked). */
export async function checkAnswer(method: string, url: URL, response: Response): Promise<void> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!url.pathname.startsWith('/api/') || !contentType.startsWith('application/json')) return;
  const body: unknown = await response.clone().json();
  (await contractFor(url.origin)).check(method, url, response.status, contentType, body);
}
