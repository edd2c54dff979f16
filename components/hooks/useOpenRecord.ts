'use client';

import * as React from 'react';
import { readRecordParam, withRecordParam } from '@/lib/client/record-param';

/**
 * Which record's details are open, kept in the URL's `record` parameter so the address can be
 * shared (within the session, which holds the connection) and survives a reload.
 */
export function useOpenRecord() {
  // The record in the address the page was opened with (a shared link), fixed for the page's life.
  const [sharedId] = React.useState<string | null>(() =>
    typeof window === 'undefined' ? null : readRecordParam(window.location.search),
  );
  const [openId, setOpenId] = React.useState<string | null>(sharedId);
  const show = React.useCallback((rowId: string | null) => {
    setOpenId(rowId);
    window.history.replaceState(window.history.state, '', withRecordParam(window.location.href, rowId));
  }, []);
  const open = React.useCallback((rowId: string) => show(rowId), [show]);
  const close = React.useCallback(() => show(null), [show]);
  return { sharedId, openId, open, close };
}
