import 'server-only';
import { errorBody } from '@/lib/contract';

/** Every path under /api/ that no route serves: the contract's JSON 404 instead of Next's HTML page. */
export function handleUnknownApiPath(request: Request): Response {
  const { pathname } = new URL(request.url);
  return Response.json(errorBody('not_found', `There is no API endpoint at ${pathname.slice(0, 200)}. See the README for the API.`), {
    status: 404,
    headers: { 'cache-control': 'no-store' },
  });
}
