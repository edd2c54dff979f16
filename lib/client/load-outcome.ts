import { formatCount, formatItemCount } from './format';

/** Where one provider's load stands. `incomplete`: the stream ended with neither a done nor an error line. */
export type ProviderLoad =
  | { phase: 'loading'; count: number }
  | {
      phase: 'done';
      count: number;
      /** records that came back in a reload of changes */
      changed?: number;
      /** records the provider could not read and left out of this load (absent or 0: none) */
      skipped?: number;
    }
  | { phase: 'incomplete'; count: number }
  | { phase: 'error'; count: number; code: string; message: string }
  | { phase: 'cancelled'; count: number };

/** What the person can do about a load that did not finish. */
export type NextStep = 'reconnect' | 'connect' | 'resume' | 'retry' | null;

export function nextStep(load: ProviderLoad): NextStep {
  if (load.phase === 'incomplete') return 'resume';
  if (load.phase === 'cancelled') return 'retry';
  if (load.phase !== 'error') return null;
  if (load.code === 'reconnect_required') return 'reconnect';
  if (load.code === 'not_connected') return 'connect';
  return 'retry';
}

/** "3 records could not be read and were left out." */
export function describeSkipped(skipped: number): string {
  return skipped === 1 ? '1 record could not be read and was left out.' : `${formatCount(skipped)} records could not be read and were left out.`;
}

/** Whether a finished load left records out, so its status reads as a warning. */
export function leftRecordsOut(load: ProviderLoad): boolean {
  return load.phase === 'done' && (load.skipped ?? 0) > 0;
}

/** One provider's status as a sentence, e.g. "2,465 items" or "Stopped after 200 items: …". */
export function describeLoad(load: ProviderLoad): string {
  switch (load.phase) {
    case 'loading':
      return `Loading… ${formatItemCount(load.count)} so far`;
    case 'done': {
      const loaded =
        load.changed === undefined
          ? formatItemCount(load.count)
          : `${formatItemCount(load.count)} (${formatCount(load.changed)} changed since the last load)`;
      return load.skipped ? `${loaded}. ${describeSkipped(load.skipped)}` : loaded;
    }
    case 'incomplete':
      return `Incomplete: the connection ended after ${formatItemCount(load.count)} without saying the list was complete.`;
    case 'cancelled':
      return `Cancelled after ${formatItemCount(load.count)}`;
    case 'error':
      return load.count > 0 ? `Stopped after ${formatItemCount(load.count)}: ${load.message}` : load.message;
  }
}

/** The sentence a screen reader hears when a load finishes, naming every provider's outcome. */
export function announceLoads(loads: ReadonlyArray<{ name: string; load: ProviderLoad }>): string {
  // While loading, one steady sentence: counts that change several times a second would never stop talking.
  if (loads.some(({ load }) => load.phase === 'loading')) return `Loading items from ${loads.map(({ name }) => name).join(', ')}…`;
  return loads.map(({ name, load }) => `${name}: ${describeLoad(load).replace(/\.$/, '')}.`).join(' ');
}
