const KEY = 'integrations-hub:last-provider';

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
