import 'server-only';
import { mergeAsync } from '@/lib/shared/async';
import { IntegrationError } from '@/lib/shared/errors';
import { describeError } from '@/lib/server/http';
import type { ErrorCode, IntegrationItem } from '@/lib/contract';
import type { ProviderDefinition } from '@/lib/providers/types';
import { skippedOf, type ItemBatches, type LoadSummary } from '@/lib/server/load-summary';

export interface ProviderFailure {
  provider: string;
  code: ErrorCode;
  message: string;
}

/**
 * Some providers of a merged load failed. The others' items were all delivered; the failures
 * are listed (in `details.providers`) so a client can say which provider needs attention.
 */
export class IncompleteLoadError extends IntegrationError {
  readonly details: { providers: ProviderFailure[] };

  constructor(failures: ProviderFailure[], status: number) {
    const first = failures[0];
    super(first.code, `${failures.map((failure) => failure.message).join(' ')} The other providers' items are complete.`, status);
    this.details = { providers: failures };
  }
}

export class NothingConnectedError extends IntegrationError {
  constructor() {
    super('not_connected', 'No integration is connected in this browser session. Connect one first.', 401);
  }
}

/**
 * The items of several providers, interleaved as their pages arrive. One provider's failure
 * does not stop the others: it is remembered, and once every other provider has finished the
 * load ends with an IncompleteLoadError naming each failed provider. A complete load returns
 * the records left out by all providers together.
 */
export async function* loadAllItems(
  providers: readonly ProviderDefinition[],
  load: (provider: ProviderDefinition) => ItemBatches,
): AsyncGenerator<IntegrationItem[], LoadSummary> {
  if (providers.length === 0) throw new NothingConnectedError();
  const failures: Array<ProviderFailure & { status: number }> = [];
  let skipped = 0;
  const guarded = (provider: ProviderDefinition) =>
    (async function* () {
      try {
        // Not `skipped += skippedOf(yield* ...)`: that would read `skipped` before the other providers add to it.
        const summary = yield* load(provider);
        skipped += skippedOf(summary);
      } catch (error) {
        const { status, body } = describeError(error);
        failures.push({ provider: provider.id, status, ...body.error });
      }
    })();
  yield* mergeAsync(...providers.map(guarded));
  if (failures.length) {
    const status = failures.length === providers.length ? failures[0].status : 502;
    throw new IncompleteLoadError(failures.map(({ provider, code, message }) => ({ provider, code, message })), status);
  }
  return { skipped };
}
