import { describe, expect, it } from 'vitest';
import { loopbackAliasRedirect } from '@/lib/canonical-origin';

const env = { publicOrigin: 'http://localhost:3000' };

describe('loopbackAliasRedirect', () => {
  it('sends pages and authorize requests on 127.0.0.1 to the public localhost origin', () => {
    expect(loopbackAliasRedirect(new URL('http://127.0.0.1:3000/?provider=x'), '127.0.0.1:3000', env)?.toString()).toBe('http://localhost:3000/?provider=x');
    expect(loopbackAliasRedirect(new URL('http://127.0.0.1:3000/api/integrations/x/authorize'), '127.0.0.1:3000', env)?.toString()).toBe(
      'http://localhost:3000/api/integrations/x/authorize',
    );
  });

  it('leaves API calls, other hosts, other ports and the public origin alone', () => {
    expect(loopbackAliasRedirect(new URL('http://127.0.0.1:3000/api/health'), '127.0.0.1:3000', env)).toBeNull();
    expect(loopbackAliasRedirect(new URL('http://localhost:3000/'), 'localhost:3000', env)).toBeNull();
    expect(loopbackAliasRedirect(new URL('http://127.0.0.1:3001/'), '127.0.0.1:3001', env)).toBeNull();
    expect(loopbackAliasRedirect(new URL('http://example.com/'), 'example.com', env)).toBeNull();
    expect(loopbackAliasRedirect(new URL('http://127.0.0.1:3000/'), 'bad host header%', env)).toBeNull();
  });
});
