import 'server-only';

/** A redirect URI is "registered" when it is an http(s) URL ending in the app's callback path. */
export function isRegisteredRedirectUri(providerId: string, value: string | null | undefined): value is string {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.hash || url.username || url.password) return false;
  return url.pathname.endsWith(`/api/integrations/${providerId}/oauth2callback`);
}

export function withQueryParams(uri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
