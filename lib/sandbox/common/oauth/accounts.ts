import 'server-only';
import type { EmulatorDefinition } from '../emulator';
import type { OAuthState, SandboxAccount } from './records';

/** Each successful consent connects a brand-new sandbox account. */
export function createAccount(definition: EmulatorDefinition, oauth: OAuthState): SandboxAccount {
  oauth.accountSequence += 1;
  const identity = definition.createAccount(oauth.accountSequence);
  const account: SandboxAccount = { ...identity, sequence: oauth.accountSequence, createdAt: Date.now() };
  oauth.accounts.set(account.id, account);
  return account;
}
