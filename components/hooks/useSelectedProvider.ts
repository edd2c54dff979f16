'use client';

import * as React from 'react';
import type { IntegrationSummary } from '@/lib/contract';
import { ALL_CONNECTED } from '@/lib/client/sources';
import { pickInitialProvider, readLastProvider, writeLastProvider } from '@/lib/client/storage';

/**
 * Which integration the page shows (or "All connected"): the one picked, else what the server
 * rendered the page with (`?provider=`, else the remembered one), else the same choice made in
 * the browser when the server could not list the integrations, else the first listed.
 */
export function useSelectedProvider(
  integrations: IntegrationSummary[] | null,
  rendered: string | null,
): {
  /** A provider id or ALL_CONNECTED. */
  selection: string | null;
  selected: IntegrationSummary | null;
  select: (provider: string) => void;
} {
  const [picked, setPicked] = React.useState<string | null>(rendered);
  // Read once, in the browser; used only when the server rendered the skeleton instead of the list.
  const [start] = React.useState(() =>
    typeof window === 'undefined'
      ? { fromUrl: null, remembered: null }
      : { fromUrl: new URLSearchParams(window.location.search).get('provider'), remembered: readLastProvider() },
  );

  const choices = [...(integrations?.map((i) => i.provider) ?? []), ALL_CONNECTED];
  const provider =
    picked !== null && choices.includes(picked) ? picked : integrations ? pickInitialProvider(choices, start.fromUrl, start.remembered) : null;
  const selected = integrations?.find((i) => i.provider === provider) ?? null;

  // A provider named in the URL becomes the remembered one.
  const fromUrlChosen = (picked === null || picked === rendered) && provider !== null && provider === start.fromUrl;
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

  return { selection: provider, selected, select };
}
