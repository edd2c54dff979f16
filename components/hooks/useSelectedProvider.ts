'use client';

import * as React from 'react';
import type { Integration } from '@/lib/client/api';
import { pickInitialProvider, readLastProvider, writeLastProvider } from '@/lib/client/storage';

/**
 * Which integration the page shows: the one picked, else `?provider=` from the URL, else the
 * remembered one, else the first listed.
 */
export function useSelectedProvider(integrations: Integration[] | null): {
  selected: Integration | null;
  select: (provider: string) => void;
} {
  const [picked, setPicked] = React.useState<string | null>(null);
  // Read once, in the browser; the server renders the skeleton, which does not depend on it.
  const [start] = React.useState(() =>
    typeof window === 'undefined'
      ? { fromUrl: null, remembered: null }
      : { fromUrl: new URLSearchParams(window.location.search).get('provider'), remembered: readLastProvider() },
  );

  const providers = integrations?.map((i) => i.provider) ?? [];
  const provider = picked !== null && providers.includes(picked) ? picked : pickInitialProvider(providers, start.fromUrl, start.remembered);
  const selected = integrations?.find((i) => i.provider === provider) ?? null;

  // A provider named in the URL becomes the remembered one.
  const fromUrlChosen = picked === null && provider !== null && provider === start.fromUrl;
  React.useEffect(() => {
    if (fromUrlChosen && start.fromUrl) writeLastProvider(start.fromUrl);
  }, [fromUrlChosen, start.fromUrl]);

  const select = React.useCallback((next: string) => {
    setPicked(next);
    writeLastProvider(next);
    const url = new URL(window.location.href);
    if (url.searchParams.has('provider')) {
      url.searchParams.set('provider', next);
      window.history.replaceState(window.history.state, '', url.toString());
    }
  }, []);

  return { selected, select };
}
