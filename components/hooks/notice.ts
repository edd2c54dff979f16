import * as React from 'react';

/** A short message in the corner snackbar. */
export type Notice = { severity: 'success' | 'info' | 'error'; message: string };

export type Notify = (notice: Notice) => void;

/** A notice as shown: numbered, so a notice that replaces another starts its own time on screen. */
export type ShownNotice = Notice & { id: number };

/** The current notice, a stable function to show one, and one to dismiss it. */
export function useNotice(): { notice: ShownNotice | null; notify: Notify; dismiss: () => void } {
  const [notice, setNotice] = React.useState<ShownNotice | null>(null);
  const shown = React.useRef(0);
  const notify = React.useCallback<Notify>((next) => setNotice({ ...next, id: ++shown.current }), []);
  const dismiss = React.useCallback(() => setNotice(null), []);
  return { notice, notify, dismiss };
}
