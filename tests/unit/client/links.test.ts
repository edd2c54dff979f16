import { describe, it, expect } from 'vitest';
import { safeLinkHref } from '@/lib/client/links';

const ORIGIN = 'http://127.0.0.1:3106';

describe('safeLinkHref', () => {
  it('allows https URLs', () => {
    expect(safeLinkHref('https://app.example.com/contacts/1/record/0-1/2', ORIGIN)).toBe(
      'https://app.example.com/contacts/1/record/0-1/2',
    );
  });

  it('allows http URLs only on the page origin (e.g. the sandbox emulator)', () => {
    expect(safeLinkHref(`${ORIGIN}/sandbox/x/record/1`, ORIGIN)).toBe(`${ORIGIN}/sandbox/x/record/1`);
    expect(safeLinkHref('http://127.0.0.1:3107/record/1', ORIGIN)).toBeNull();
    expect(safeLinkHref('http://evil.example.com/', ORIGIN)).toBeNull();
  });

  it('rejects script, data and other schemes, whatever their case or padding', () => {
    expect(safeLinkHref('javascript:alert(1)', ORIGIN)).toBeNull();
    expect(safeLinkHref('  JavaScript:alert(1)', ORIGIN)).toBeNull();
    expect(safeLinkHref('java\tscript:alert(1)', ORIGIN)).toBeNull();
    expect(safeLinkHref('data:text/html,<script>alert(1)</script>', ORIGIN)).toBeNull();
    expect(safeLinkHref('vbscript:msgbox(1)', ORIGIN)).toBeNull();
    expect(safeLinkHref('ftp://example.com/file', ORIGIN)).toBeNull();
  });

  it('rejects relative, empty, malformed and credential-bearing URLs', () => {
    expect(safeLinkHref('/relative/path', ORIGIN)).toBeNull();
    expect(safeLinkHref('//evil.example.com/x', ORIGIN)).toBeNull();
    expect(safeLinkHref('', ORIGIN)).toBeNull();
    expect(safeLinkHref(null, ORIGIN)).toBeNull();
    expect(safeLinkHref(undefined, ORIGIN)).toBeNull();
    expect(safeLinkHref('https://', ORIGIN)).toBeNull();
    expect(safeLinkHref('https://user:pass@example.com/', ORIGIN)).toBeNull();
  });

  it('does not treat an opaque "null" origin as a match', () => {
    expect(safeLinkHref('http://localhost/x', 'null')).toBeNull();
    expect(safeLinkHref('https://example.com/x', null)).toBe('https://example.com/x');
  });
});
