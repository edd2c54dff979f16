import 'server-only';
import { sandboxClientCredentials } from '../credentials';
import type { EmulatorContext } from './emulator';
import { defaultFaults, describeFaults, faultsInputSchema, mergeFaults } from './faults';
import { jsonResponse, readJsonBody } from './http';
import { dropScaledData, saveControl, type EmulatorState } from './state';
import { readStats, resetStats } from './stats';
import { issuedSecrets } from './issued-secrets';

/**
 * `_faults`, `_stats` and `_client`: switches, counters and the sandbox client's credentials
 * (so out-of-process tests can act as the app). Null when the path is not one of them.
 */
export async function handleControlEndpoint(ctx: EmulatorContext, path: readonly string[]): Promise<Response | null> {
  const { state, request } = ctx;
  const route = `${request.method} ${path.join('/')}`;
  switch (route) {
    case 'GET _faults':
      return faultsResponse(state);
    case 'POST _faults':
      return updateFaults(ctx);
    case 'DELETE _faults': {
      // Fresh rate-limit windows and an empty failure queue; token epochs stay (reset revives nothing).
      const { epochs } = state;
      dropScaledData(state);
      return faultsResponse(await saveControl(state, defaultFaults(), { ...epochs, limiter: epochs.limiter + 1, failQueue: epochs.failQueue + 1 }));
    }
    case 'GET _client': {
      const { clientId, clientSecret } = sandboxClientCredentials(ctx.definition.id);
      return jsonResponse({ client_id: clientId, client_secret: clientSecret });
    }
    case 'GET _stats':
      return jsonResponse(await readStats(state, ctx.definition));
    case 'GET _stats/issued':
      // Every sandbox's codes, tokens and client secrets so far (in this process), for the test run's log scan.
      return jsonResponse({ issued: [...issuedSecrets()] });
    case 'POST _stats/reset':
      await resetStats(state, ctx.definition);
      return jsonResponse(await readStats(state, ctx.definition));
    default:
      return ctx.definition.controls?.[route]?.(ctx) ?? null;
  }
}

async function faultsResponse(state: EmulatorState): Promise<Response> {
  return jsonResponse({ faults: await describeFaults(state) });
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
  const input = parsed.data;
  const { epochs } = state;
  const next = {
    ...epochs,
    accessTokens: epochs.accessTokens + (input.expireAccessTokens ? 1 : 0),
    grants: epochs.grants + (input.revokeAllGrants ? 1 : 0),
    failQueue: epochs.failQueue + (input.fail ? 1 : 0),
  };
  return faultsResponse(await saveControl(state, mergeFaults(state.faults, input), next));
}

function controlError(code: string, message: string): Response {
  return jsonResponse({ error: { code, message } }, 400);
}
