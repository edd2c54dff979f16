/**
 * The methods each `/api/` route answers, so a wrong method gets the contract's JSON 405 with an
 * Allow header (Next's own 405 has an empty body). Paths not listed reach Next as they are: a
 * route, or the `/api/[...path]` catch-all's JSON 404.
 */
const API_ROUTES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/api\/health$/, ['GET']],
  [/^\/api\/openapi\.json$/, ['GET']],
  [/^\/api\/integrations$/, ['GET']],
  [/^\/api\/integrations\/[^/]+$/, ['DELETE']],
  [/^\/api\/integrations\/[^/]+\/(authorize|oauth2callback|items)$/, ['GET']],
  [/^\/api\/items$/, ['GET']],
];

/** The methods the route at `pathname` allows (HEAD and OPTIONS included), or null for an unknown path. */
export function allowedMethods(pathname: string): string[] | null {
  const route = API_ROUTES.find(([pattern]) => pattern.test(pathname));
  if (!route) return null;
  const methods = [...route[1]];
  if (methods.includes('GET')) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods;
}
