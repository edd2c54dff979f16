/** A short message in the corner snackbar. */
export type Notice = { severity: 'success' | 'info' | 'error'; message: string };

export type Notify = (notice: Notice) => void;
