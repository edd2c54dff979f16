/**
 * Incremental NDJSON (newline-delimited JSON) parsing for streamed responses.
 * Pure and framework-free so it can be unit tested without a browser.
 */

import { doneLineSchema, type DoneLine } from '@/lib/contract';

/** Splits text chunks into complete lines, keeping a line that is split across chunks until it ends. */
export class NdjsonLineSplitter {
  private buffer = '';

  /** Feeds one decoded chunk; returns every line completed by it (without the newline, blank lines dropped). */
  push(chunk: string): string[] {
    this.buffer += chunk;
    const parts = this.buffer.split('\n');
    this.buffer = parts.pop() ?? '';
    return parts.map(stripCarriageReturn).filter((line) => line.trim() !== '');
  }

  /** Returns the trailing line when the stream ended without a final newline. */
  flush(): string[] {
    const rest = stripCarriageReturn(this.buffer);
    this.buffer = '';
    return rest.trim() === '' ? [] : [rest];
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export class NdjsonParseError extends Error {
  constructor(readonly line: string) {
    super('The server sent a line that is not valid JSON.');
    this.name = 'NdjsonParseError';
  }
}

/** Parses one NDJSON line; throws NdjsonParseError when it is not JSON. */
export function parseNdjsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new NdjsonParseError(line.length > 200 ? `${line.slice(0, 200)}…` : line);
  }
}

/**
 * Reads a byte stream as NDJSON and yields every parsed value in order.
 * Multi-byte characters split across chunks are handled by TextDecoder's stream mode.
 */
export async function* readNdjson(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = new NdjsonLineSplitter();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const line of splitter.push(decoder.decode(value, { stream: true }))) yield parseNdjsonLine(line);
    }
    for (const line of splitter.push(decoder.decode())) yield parseNdjsonLine(line);
    for (const line of splitter.flush()) yield parseNdjsonLine(line);
  } finally {
    // Releases the stream when the consumer stops early (error line, abort, exception).
    reader.cancel().catch(() => undefined);
  }
}

/** The stream's last line when the list is complete: `{"done": {"count": N}}` (an `{"error": ...}` line ends an incomplete one). */
export function isDoneLine(value: unknown): value is DoneLine {
  return doneLineSchema.safeParse(value).success;
}
