import 'server-only';
import { ConfigurationError, getEnv } from '@/lib/server/env';
import { sandboxClientCredentials } from '@/lib/sandbox/credentials';
import type { EndpointSetting, ProviderDefinition } from '@/lib/providers/types';

/** A provider's definition resolved against the environment: live with real credentials, or its sandbox. */
export interface ProviderConfig {
  mode: 'live' | 'sandbox';
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
  scopes: string[];
  redirectUri: string;
  /** Origins besides https ones that deep links may point at (the sandbox's record viewer). */
  linkOrigins: string[];
  /** Rewrites a real deep link to the sandbox's record viewer (identity in live mode). */
  rewriteLink(url: string): string;
}

function sandboxBasePath(providerId: string): string {
  return `/sandbox/${providerId}`;
}

export function resolveProviderConfig(provider: ProviderDefinition): ProviderConfig {
  const env = getEnv();
  const overrides = env.provider(provider.id);
  const redirectUri = `${env.publicOrigin}/api/integrations/${provider.id}/oauth2callback`;
  const scopes = overrides.scopes ? overrides.scopes.split(/[\s,]+/).filter(Boolean) : [...provider.authorization.scopes];

  if (overrides.live) {
    if (env.production && env.secretKeyGenerated) {
      throw new ConfigurationError(
        `SECRET_KEY is required in production while ${provider.id.toUpperCase()}_CLIENT_ID is set: tokens are encrypted with it. ` +
          'Generate one with: openssl rand -base64 32',
      );
    }
    const apiUrl = overrides.apiUrl ?? provider.api.endpoint.live;
    const tokenSetting = provider.token.endpoint;
    const tokenUrl = overrides.tokenUrl ?? ('apiPath' in tokenSetting ? `${apiUrl}${tokenSetting.apiPath}` : tokenSetting.live);
    return {
      mode: 'live',
      clientId: overrides.clientId ?? '',
      clientSecret: overrides.clientSecret ?? '',
      authorizeUrl: overrides.authorizeUrl ?? provider.authorization.endpoint.live,
      tokenUrl,
      apiUrl,
      scopes,
      redirectUri,
      linkOrigins: [],
      rewriteLink: (url) => url,
    };
  }

  const publicBase = `${env.publicOrigin}${sandboxBasePath(provider.id)}`;
  const internalBase = `${env.internalOrigin}${sandboxBasePath(provider.id)}`;
  const sandboxUrl = (setting: EndpointSetting, base: string) => `${base}${setting.sandboxPath}`;
  const apiUrl = sandboxUrl(provider.api.endpoint, internalBase);
  const tokenSetting = provider.token.endpoint;
  return {
    mode: 'sandbox',
    ...sandboxClientCredentials(provider.id),
    authorizeUrl: sandboxUrl(provider.authorization.endpoint, publicBase),
    tokenUrl: 'apiPath' in tokenSetting ? `${apiUrl}${tokenSetting.apiPath}` : sandboxUrl(tokenSetting, internalBase),
    apiUrl,
    scopes,
    redirectUri,
    linkOrigins: [env.publicOrigin],
    rewriteLink(url) {
      const parsed = URL.canParse(url) ? new URL(url) : null;
      return parsed ? `${publicBase}/ui${parsed.pathname}${parsed.search}` : url;
    },
  };
}
