const KEY = 'integrations-hub:last-provider';
/** The same choice as a cookie, so the server renders the page with it and nothing switches after load. */
export const LAST_PROVIDER_COOKIE = 'ih_last_provider';

export function readLastProvider(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function writeLastProvider(provider: string): void {
  try {
    window.localStorage.setItem(KEY, provider);
  } catch {
    /* storage disabled (private mode, quota): not essential */
  }
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LAST_PROVIDER_COOKIE}=${encodeURIComponent(provider)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}

/** Which integration to select: URL `?provider=` first, then the remembered one, then the first listed. */
export function pickInitialProvider(
  available: readonly string[],
  fromUrl: string | null,
  remembered: string | null,
): string | null {
  if (fromUrl && available.includes(fromUrl)) return fromUrl;
  if (remembered && available.includes(remembered)) return remembered;
  return available[0] ?? null;
}
