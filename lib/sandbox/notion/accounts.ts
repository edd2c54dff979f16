import 'server-only';
import { randomNumber, uuid } from '../common/random';
import { EMOJI, FIRST_NAMES, LAST_NAMES } from '../common/wordlists';

/** A sandbox workspace with its bot and the person who installed the integration. */
export function createNotionWorkspace(sequence: number): { id: string; details: Record<string, string> } {
  const first = FIRST_NAMES[randomNumber(0, FIRST_NAMES.length)];
  const last = LAST_NAMES[randomNumber(0, LAST_NAMES.length)];
  const userId = uuid();
  return {
    id: uuid(),
    details: {
      botId: uuid(),
      userId,
      userName: `${first} ${last}`,
      email: `sandbox.${userId.slice(0, 8)}@example.com`,
      workspaceName: `Sandbox Workspace ${sequence}`,
      workspaceIcon: EMOJI[sequence % EMOJI.length],
    },
  };
}
