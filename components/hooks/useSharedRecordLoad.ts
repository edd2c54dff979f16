'use client';

import * as React from 'react';
import type { IntegrationSummary } from '@/lib/contract';
import { ALL_CONNECTED, providersToLoad } from '@/lib/client/sources';
import type { LoadMode } from './useItemsLoads';

/**
 * A page opened on a shared address with a record in it (`?record=`) loads that record's provider
 * (or every connected one, when the address says "All connected"), once, so the record can open.
 */
export function useSharedRecordLoad(
  sharedId: string | null,
  integrations: IntegrationSummary[] | null,
  selection: string | null,
  load: (providers: readonly string[], mode: LoadMode) => void,
) {
  const done = React.useRef(false);
  React.useEffect(() => {
    if (done.current || !sharedId || !integrations || !selection) return;
    done.current = true;
    const provider = sharedId.split(':')[0];
    if (!integrations.some((i) => i.provider === provider && i.status === 'connected')) return;
    load(selection === ALL_CONNECTED ? providersToLoad(ALL_CONNECTED, integrations) : [provider], 'changes');
  }, [sharedId, integrations, selection, load]);
}
