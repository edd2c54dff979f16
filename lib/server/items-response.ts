import 'server-only';
import { describeError } from '@/lib/server/http';
import { doneLine, type IntegrationItem } from '@/lib/contract';
import { skippedOf, type ItemBatches } from '@/lib/server/load-summary';

const NDJSON = 'application/x-ndjson';

export function wantsNdjson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').split(',').some((part) => part.trim().split(';')[0] === NDJSON);
}

/** The NDJSON end line for a load that stopped with an error (extra fields of the error body kept). */
export function errorLine(error: unknown): string {
  const { body } = describeError(error);
  const details = (error as { details?: Record<string, unknown> } | null)?.details;
  return JSON.stringify(details ? { error: { ...body.error, ...details } } : body);
}

/**
 * Answers a load: a JSON array, or with `Accept: application/x-ndjson` one item per line.
 * The first batch is awaited before answering, so an error before any item gets its own
 * status. The stream is pull-based: the next batch is asked for only when the client has
 * taken the previous one, so a slow reader slows the provider requests instead of filling
 * memory. Its last line says how it ended: `{"done":{"count":N}}` (plus `"skipped":K` when the load
 * returned that K records were left out) or `{"error":{...}}`. The JSON array says nothing of skipped records.
 */
export async function itemsResponse(request: Request, batches: ItemBatches): Promise<Response> {
  const first = await batches.next();
  if (!wantsNdjson(request)) {
    const items: IntegrationItem[] = first.done ? [] : [...first.value];
    for await (const batch of batches) items.push(...batch);
    return Response.json(items, { headers: { 'cache-control': 'no-store' } });
  }
  const encoder = new TextEncoder();
  let pending: typeof first | null = first;
  let count = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = pending ?? (await batches.next());
          pending = null;
          if (next.done) {
            controller.enqueue(encoder.encode(`${JSON.stringify(doneLine(count, skippedOf(next.value)))}\n`));
            controller.close();
            return;
          }
          count += next.value.length;
          controller.enqueue(encoder.encode(next.value.map((item) => `${JSON.stringify(item)}\n`).join('')));
        } catch (error) {
          // A browser that went away gets nothing more; anyone still reading learns why the list ends here.
          if (!request.signal.aborted) controller.enqueue(encoder.encode(`${errorLine(error)}\n`));
          controller.close();
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, {
    headers: { 'content-type': `${NDJSON}; charset=utf-8`, 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
