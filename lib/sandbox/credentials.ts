import 'server-only';
import { createHmac } from 'node:crypto';
import { getEnv } from '@/lib/server/env';
import { registerSecret } from '@/lib/shared/redact';
import { rememberIssuedSecret } from './common/issued-secrets';

/** The client id and secret the app uses against its own emulator of a provider. */
export function sandboxClientCredentials(providerId: string): { clientId: string; clientSecret: string } {
  const secret = createHmac('sha256', getEnv().secretKey).update(`sandbox-client-secret:${providerId}`).digest('hex');
  registerSecret(secret);
  rememberIssuedSecret(secret);
  return { clientId: `sandbox-${providerId}-client`, clientSecret: secret };
}
