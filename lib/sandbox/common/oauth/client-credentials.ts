import 'server-only';
import { sandboxClientCredentials } from '../../credentials';
import { secretsEqual } from '../random';

/** The emulators accept exactly the client the app uses in sandbox mode. */

export function isKnownClient(providerId: string, clientId: string | null | undefined): boolean {
  return clientId === sandboxClientCredentials(providerId).clientId;
}

export function isClientSecretValid(providerId: string, clientSecret: string | null | undefined): boolean {
  return typeof clientSecret === 'string' && secretsEqual(clientSecret, sandboxClientCredentials(providerId).clientSecret);
}
