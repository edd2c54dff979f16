import 'server-only';
import { sandboxClientCredentials } from '../credentials';
import type { EmulatorContext } from './emulator';
import { defaultFaults, describeFaults, faultsInputSchema, mergeFaults } from './faults';
import { jsonResponse, readJsonBody } from './http';
import { expireAllAccessTokens, revokeAllGrants } from './oauth/tokens';
import { emptyStats } from './stats';

/**
 * `_faults`, `_stats` and `_client`: switches, counters and the sandbox client's credentials
 * (so out-of-process tests can act as the app). Null when the path is not one of them.
 */
export async function handleControlEndpoint(ctx: EmulatorContext, path: readonly string[]): Promise<Response | null> {
  const { state, request } = ctx;
  const route = `${request.method} ${path.join('/')}`;
  switch (route) {
    case 'GET _faults':
      return jsonResponse({ faults: describeFaults(state.faults) });
    case 'POST _faults':
      return updateFaults(ctx);
    case 'DELETE _faults':
      state.faults = defaultFaults();
      state.limiter.reset();
      return jsonResponse({ faults: describeFaults(state.faults) });
    case 'GET _client': {
      const { clientId, clientSecret } = sandboxClientCredentials(ctx.definition.id);
      return jsonResponse({ client_id: clientId, client_secret: clientSecret });
    }
    case 'GET _stats':
      return jsonResponse({ ...state.stats, sinceStart: { oauthEndpoints: state.oauthEndpointsSinceStart } });
    case 'POST _stats/reset':
      state.stats = emptyStats();
      return jsonResponse(state.stats);
    default:
      return null;
  }
}

async function updateFaults(ctx: EmulatorContext): Promise<Response> {
  const { state } = ctx;
  const body = await readJsonBody(ctx.request);
  if (!body.ok) return controlError('invalid_json', 'The request body must be a JSON object.');
  const parsed = faultsInputSchema.safeParse(body.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return controlError('invalid_faults', `Invalid faults: ${problems.join('; ')}.`);
  }
  if (parsed.data.expireAccessTokens) expireAllAccessTokens(state);
  if (parsed.data.revokeAllGrants) revokeAllGrants(state);
  state.faults = mergeFaults(state.faults, parsed.data);
  return jsonResponse({ faults: describeFaults(state.faults) });
}

function controlError(code: string, message: string): Response {
  return jsonResponse({ error: { code, message } }, 400);
}
