import { describe, expect, it } from 'vitest';
import { loopbackAliasRedirect } from '@/lib/server/canonical-origin';

const env = { publicOrigin: 'http://localhost:3000' };

describe('loopbackAliasRedirect', () => {
  it('sends a page on 127.0.0.1 or [::1] to the public localhost origin, keeping the query', () => {
    expect(loopbackAliasRedirect('/?provider=x', '127.0.0.1:3000', env)?.toString()).toBe('http://localhost:3000/?provider=x');
    expect(loopbackAliasRedirect('/', '[::1]:3000', env)?.toString()).toBe('http://localhost:3000/');
    expect(loopbackAliasRedirect('/', 'localhost:3000', { publicOrigin: 'http://127.0.0.1:3000' })?.toString()).toBe('http://127.0.0.1:3000/');
  });

  it('leaves the public origin, other ports, non-loopback hosts and bad Host headers alone', () => {
    expect(loopbackAliasRedirect('/', 'localhost:3000', env)).toBeNull();
    expect(loopbackAliasRedirect('/', '127.0.0.1:3001', env)).toBeNull();
    expect(loopbackAliasRedirect('/', 'example.com', env)).toBeNull();
    expect(loopbackAliasRedirect('/', '127.0.0.1:3000', { publicOrigin: 'https://hub.example.com' })).toBeNull();
    expect(loopbackAliasRedirect('/', 'bad host%', env)).toBeNull();
    expect(loopbackAliasRedirect('/', null, env)).toBeNull();
  });
});
