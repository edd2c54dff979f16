import 'server-only';
import { sandboxClientCredentials } from '../../credentials';
import { constantTimeEqual } from '@/lib/server/crypto';

/** The emulators accept exactly the client the app uses in sandbox mode. */

export function isKnownClient(providerId: string, clientId: string | null | undefined): boolean {
  return clientId === sandboxClientCredentials(providerId).clientId;
}

export function isClientSecretValid(providerId: string, clientSecret: string | null | undefined): boolean {
  return typeof clientSecret === 'string' && constantTimeEqual(clientSecret, sandboxClientCredentials(providerId).clientSecret);
}
