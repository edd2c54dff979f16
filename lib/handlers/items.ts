import 'server-only';
import { describeError, withErrors } from '@/lib/http';
import type { IntegrationItem } from '@/lib/items';
import { loadItems } from '@/lib/load-items';
import { getProvider } from '@/lib/providers';
import { currentSessionKey } from '@/lib/session';

const NDJSON = 'application/x-ndjson';

function wantsNdjson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').split(',').some((part) => part.trim().split(';')[0] === NDJSON);
}

/**
 * GET items: a JSON array, or with `Accept: application/x-ndjson` one item per line as pages
 * arrive. Errors before the first item get a proper status; an error mid-stream ends the
 * stream with one `{"error": ...}` line.
 */
export function handleItems(request: Request, providerId: string): Promise<Response> {
  return withErrors(async () => {
    const provider = getProvider(providerId);
    const batches = loadItems(provider, await currentSessionKey(), request.signal);
    const first = await batches.next();
    if (!wantsNdjson(request)) {
      const items: IntegrationItem[] = first.done ? [] : [...first.value];
      for await (const batch of batches) items.push(...batch);
      return Response.json(items, { headers: { 'cache-control': 'no-store' } });
    }
    const encoder = new TextEncoder();
    const lines = (batch: IntegrationItem[]) => encoder.encode(batch.map((item) => `${JSON.stringify(item)}\n`).join(''));
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          if (!first.done) controller.enqueue(lines(first.value));
          for await (const batch of batches) {
            if (cancelled) return;
            controller.enqueue(lines(batch));
          }
        } catch (error) {
          // A browser that went away gets nothing more; anyone still reading learns why the list ends here.
          if (cancelled || request.signal.aborted) return;
          controller.enqueue(encoder.encode(`${JSON.stringify(describeError(error).body)}\n`));
        }
        controller.close();
      },
      async cancel() {
        cancelled = true;
        await batches.return(undefined);
      },
    });
    return new Response(stream, { headers: { 'content-type': `${NDJSON}; charset=utf-8`, 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
  });
}
