import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { loopbackAliasRedirect } from '@/lib/server/canonical-origin';
import { getEnv } from '@/lib/server/env';

/** Sends a page request on a loopback alias (127.0.0.1 vs localhost) to the public origin. */
export async function ensurePublicOrigin(pathname: string, searchParams: Record<string, string | string[] | undefined>): Promise<void> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, item);
  }
  const search = query.size ? `?${query}` : '';
  const target = loopbackAliasRedirect(`${pathname}${search}`, (await headers()).get('host'), getEnv());
  if (target) redirect(target.toString());
}
