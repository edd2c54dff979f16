import 'server-only';
import { getStore } from '@/lib/store';
import type { EmulatorDefinition } from '../emulator';
import { sandboxKey, type EmulatorState } from '../state';
import type { SandboxAccount } from './records';

const SEQUENCE_TTL_SECONDS = 400 * 24 * 3600;

/** Each successful consent connects a brand-new sandbox account, numbered across every instance. */
export async function createAccount(definition: EmulatorDefinition, state: EmulatorState): Promise<SandboxAccount> {
  const sequence = await getStore().incr(sandboxKey(state, 'account-sequence'), SEQUENCE_TTL_SECONDS);
  const identity = definition.createAccount(sequence);
  return { ...identity, sequence, createdAt: Date.now() };
}
