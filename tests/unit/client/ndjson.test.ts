import { describe, it, expect } from 'vitest';
import { NdjsonLineSplitter, NdjsonParseError, parseNdjsonLine, readNdjson } from '@/lib/client/ndjson';

function streamOf(chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of readNdjson(stream)) out.push(value);
  return out;
}

describe('NdjsonLineSplitter', () => {
  it('returns complete lines and keeps a partial line for the next chunk', () => {
    const s = new NdjsonLineSplitter();
    expect(s.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(s.push(':2}\n')).toEqual(['{"b":2}']);
    expect(s.flush()).toEqual([]);
  });

  it('handles a line split over many chunks and several lines in one chunk', () => {
    const s = new NdjsonLineSplitter();
    expect(s.push('{')).toEqual([]);
    expect(s.push('"x"')).toEqual([]);
    expect(s.push(':1}\n{"y":2}\n{"z":3}\n')).toEqual(['{"x":1}', '{"y":2}', '{"z":3}']);
  });

  it('drops blank lines and strips CRLF endings', () => {
    const s = new NdjsonLineSplitter();
    expect(s.push('{"a":1}\r\n\r\n\n  \n{"b":2}\r\n')).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('flushes a final line without a trailing newline', () => {
    const s = new NdjsonLineSplitter();
    expect(s.push('{"a":1}\n{"b":2}')).toEqual(['{"a":1}']);
    expect(s.flush()).toEqual(['{"b":2}']);
    expect(s.flush()).toEqual([]);
  });
});

describe('parseNdjsonLine', () => {
  it('parses JSON and throws NdjsonParseError otherwise', () => {
    expect(parseNdjsonLine('{"name":"<b>x</b>"}')).toEqual({ name: '<b>x</b>' });
    expect(() => parseNdjsonLine('{"broken"')).toThrow(NdjsonParseError);
  });
});

describe('readNdjson', () => {
  it('yields every object in order across arbitrary chunk boundaries', async () => {
    const text = '{"id":"1"}\n{"id":"2"}\n{"error":{"code":"provider_timeout","message":"Too slow."}}\n';
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 3) chunks.push(text.slice(i, i + 3));
    expect(await collect(streamOf(chunks))).toEqual([
      { id: '1' },
      { id: '2' },
      { error: { code: 'provider_timeout', message: 'Too slow.' } },
    ]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"Zoë 🚀"}\n');
    const cut = bytes.indexOf(0xf0) + 2; // in the middle of the emoji
    expect(await collect(streamOf([bytes.slice(0, cut), bytes.slice(cut)]))).toEqual([{ name: 'Zoë 🚀' }]);
  });

  it('reads a last line that has no newline', async () => {
    expect(await collect(streamOf(['{"a":1}\n', '{"b":2}']))).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('throws on a malformed line', async () => {
    await expect(collect(streamOf(['{"a":1}\nnot json\n']))).rejects.toBeInstanceOf(NdjsonParseError);
  });
});

describe('isDoneLine', () => {
  it('recognises only the end line of a complete list', async () => {
    const { isDoneLine } = await import('@/lib/client/ndjson');
    expect(isDoneLine({ done: { count: 3 } })).toBe(true);
    expect(isDoneLine({ done: true })).toBe(false);
    expect(isDoneLine({ id: '1', type: 'done' })).toBe(false);
    expect(isDoneLine({ error: { code: 'x', message: 'y' } })).toBe(false);
  });
});
