// Prints how often each provider's OAuth endpoints were called in the test app since it started
// (the sandboxes' `_stats` sinceStart tally), and writes the same as JSON to the given file.
import { writeFileSync } from 'node:fs';

const app = (process.env.TEST_APP_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
const output = process.argv[2];

async function json(path) {
  const response = await fetch(`${app}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

try {
  const integrations = await json('/api/integrations');
  const counts = {};
  for (const { provider, mode } of integrations) {
    if (mode !== 'sandbox') continue;
    const stats = await json(`/sandbox/${provider}/_stats`);
    counts[provider] = stats.sinceStart?.oauthEndpoints ?? {};
  }
  if (output) writeFileSync(output, `${JSON.stringify(counts, null, 2)}\n`);
  for (const [provider, endpoints] of Object.entries(counts)) {
    const total = Object.values(endpoints).reduce((sum, n) => sum + n, 0);
    const list = Object.entries(endpoints).sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `${key}: ${n}`);
    console.log(`${provider}: ${total} OAuth endpoint calls (${list.join(', ') || 'none'})`);
  }
} catch (error) {
  console.log(`OAuth endpoint counts unavailable: ${error instanceof Error ? error.message : String(error)}`);
}
