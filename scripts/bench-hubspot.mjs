// `npm run bench`: HubSpot loading at HubSpot's real limits, against the built-in emulator.
// Starts the built app on 127.0.0.1:${BENCH_PORT:-3780}, and its HubSpot emulator in a second process on the next port (Redis ${BENCH_REDIS_URL:-redis://127.0.0.1:6379/11}),
// sets the emulator to ${BENCH_LATENCY_MS:-250} ms per call, 110 list requests / 10 s, 5 searches / s and
// ${BENCH_CONTACTS:-20000} contacts, ${BENCH_COMPANIES:-5000} companies, ${BENCH_DEALS:-10000} deals, and prints in one run:
// the app's records/s, @hubspot/api-client getAll x3 records/s, their ratio, the fraction of the list bound and
// of the list+search bound, the first NDJSON line's time, 429s, peak RSS, the unchanged reload's calls and time,
// the call ratio of 10 concurrent loads, and RSS growth over a ${BENCH_BIG_RECORDS:-100000}-record load.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@hubspot/api-client';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const root = fileURLToPath(new URL('..', import.meta.url));
const port = env('BENCH_PORT', 3780);
const app = `http://127.0.0.1:${port}`;
const latencyMs = env('BENCH_LATENCY_MS', 250);
const listLimit = { requests: env('BENCH_LIST_REQUESTS', 110), intervalMs: env('BENCH_LIST_INTERVAL_MS', 10_000) };
const searchLimit = { requests: env('BENCH_SEARCH_REQUESTS', 5), intervalMs: env('BENCH_SEARCH_INTERVAL_MS', 1000) };
const counts = { contacts: env('BENCH_CONTACTS', 20_000), companies: env('BENCH_COMPANIES', 5_000), deals: env('BENCH_DEALS', 10_000) };
const concurrentCounts = { contacts: 2000, companies: 500, deals: 1000 };
const bigRecords = env('BENCH_BIG_RECORDS', 100_000);
const skipSdk = process.env.BENCH_SKIP_SDK === '1';

if (!existsSync(`${root}.next/BUILD_ID`)) {
  console.error('No build: run `npm run build` first.');
  process.exit(1);
}

// The emulator runs in a process of its own (the app on port+1 in sandbox mode), so the app's memory and CPU
// figures are the app's alone; the app reaches it as a live HubSpot, through HUBSPOT_API_URL.
const emulator = `http://127.0.0.1:${port + 1}`;
const shared = {
  PATH: process.env.PATH,
  NEXT_TELEMETRY_DISABLED: '1',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/11',
  SECRET_KEY: randomBytes(32).toString('base64'),
};
const start = (listenPort, env) =>
  spawn(`${root}node_modules/.bin/next`, ['start', '-H', '127.0.0.1', '-p', String(listenPort)], { cwd: root, env: { ...shared, PORT: String(listenPort), ...env }, stdio: 'ignore' });
const children = [];
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));
const healthy = async (origin) => {
  for (let i = 0; i < 150 && !(await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
};
children.push(start(port + 1, { APP_URL: emulator, SANDBOX_CONTROL: '1' }));
await healthy(emulator);
const sandboxClient = await (await fetch(`${emulator}/sandbox/hubspot/_client`)).json();
const server = start(port, {
  APP_URL: app,
  HUBSPOT_CLIENT_ID: sandboxClient.client_id,
  HUBSPOT_CLIENT_SECRET: sandboxClient.client_secret,
  HUBSPOT_AUTHORIZE_URL: `${emulator}/sandbox/hubspot/oauth/authorize`,
  HUBSPOT_API_URL: `${emulator}/sandbox/hubspot`,
});
children.push(server);
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

function browser() {
  const cookies = new Map();
  return async (path, init = {}) => {
    const headers = { ...init.headers, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const response = await fetch(path.startsWith('http') ? path : `${app}${path}`, { ...init, redirect: 'manual', headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
}

async function consent(consentUrl) {
  const form = new URLSearchParams(consentUrl.searchParams);
  form.set('decision', 'allow');
  const back = await fetch(new URL(consentUrl.pathname, consentUrl), { method: 'POST', body: form, redirect: 'manual' });
  return new URL(back.headers.get('location'));
}

async function connectApp() {
  const get = browser();
  const callback = await consent(new URL((await get('/api/integrations/hubspot/authorize')).headers.get('location')));
  if ((await get(callback.toString())).status !== 200) throw new Error('connect failed');
  return get;
}

/** A token for a portal of our own, obtained as a live client of the emulator would (for the SDK). */
async function sdkToken() {
  const { client_id, client_secret } = sandboxClient;
  const redirectUri = `${emulator}/api/integrations/hubspot/oauth2callback`;
  const consentUrl = new URL(`${emulator}/sandbox/hubspot/oauth/authorize`);
  for (const [k, v] of Object.entries({ client_id, redirect_uri: redirectUri, scope: 'oauth crm.objects.contacts.read crm.objects.companies.read crm.objects.deals.read', state: 'bench' })) consentUrl.searchParams.set(k, v);
  const code = (await consent(consentUrl)).searchParams.get('code');
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id, client_secret });
  const tokens = await (await fetch(`${emulator}/sandbox/hubspot/oauth/2026-03/token`, { method: 'POST', body })).json();
  if (!tokens.access_token) throw new Error(`no SDK token: ${JSON.stringify(tokens)}`);
  return tokens.access_token;
}

const control = (method, path, body) =>
  fetch(`${emulator}/sandbox/hubspot/${path}`, { method, body: body && JSON.stringify(body), headers: { 'content-type': 'application/json' } }).then((r) => r.json());
const stats = () => control('GET', '_stats');
const resetStats = () => control('POST', '_stats/reset');

/** One NDJSON load: lines, time to the first line, total time, peak RSS, and how it ended. */
async function streamLoad(get, query = '') {
  const started = performance.now();
  const response = await get(`/api/integrations/hubspot/items${query}`, { headers: { accept: 'application/x-ndjson' } });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let firstMs = null;
  let lines = 0;
  let tail = '';
  let lastLine = '{}';
  let peakRss = rssMb();
  let sampledAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstMs ??= performance.now() - started;
    const text = tail + decoder.decode(value, { stream: true });
    const parts = text.split('\n');
    tail = parts.pop();
    lines += parts.length;
    if (parts.length) lastLine = parts.at(-1);
    if (performance.now() - sampledAt > 200) [sampledAt, peakRss] = [performance.now(), Math.max(peakRss, rssMb())];
  }
  const totalMs = performance.now() - started;
  const end = JSON.parse(lastLine);
  return { records: lines - 1, firstMs, totalMs, peakRss, end };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

try {
  await healthy(app);
  await control('DELETE', '_faults');
  await control('POST', '_faults', { latencyMs, rateLimit: listLimit, searchRateLimit: searchLimit, crmCounts: counts });
  const total = counts.contacts + counts.companies + counts.deals;
  const listBound = (listLimit.requests * 100) / (listLimit.intervalMs / 1000);
  const searchBound = (searchLimit.requests * 200) / (searchLimit.intervalMs / 1000);
  console.log(`HubSpot emulator: ${latencyMs} ms a call, list ${listLimit.requests}/${listLimit.intervalMs / 1000} s, search ${searchLimit.requests}/${searchLimit.intervalMs / 1000} s; ${fmt(counts.contacts)} contacts, ${fmt(counts.companies)} companies, ${fmt(counts.deals)} deals (+ archived)`);

  // The SDK: getAll of each type, one after another, on a portal of its own.
  let sdkRate = null;
  if (!skipSdk) {
    const client = new Client({ accessToken: await sdkToken(), basePath: `${emulator}/sandbox/hubspot`, numberOfApiCallRetries: 3 });
    const started = performance.now();
    let sdkRecords = 0;
    for (const api of [client.crm.contacts, client.crm.companies, client.crm.deals]) sdkRecords += (await api.getAll(100)).length;
    const seconds = (performance.now() - started) / 1000;
    sdkRate = sdkRecords / seconds;
    console.log(`SDK getAll x3: ${fmt(sdkRecords)} records in ${seconds.toFixed(1)} s = ${fmt(sdkRate)} records/s`);
  }

  // The app: a full NDJSON load on a fresh portal.
  const get = await connectApp();
  await resetStats();
  const load = await streamLoad(get);
  const loadStats = await stats();
  const rate = load.records / (load.totalMs / 1000);
  console.log(`app full load: ${fmt(load.records)} records (end line ${JSON.stringify(load.end)}) in ${(load.totalMs / 1000).toFixed(1)} s = ${fmt(rate)} records/s`);
  console.log(`  vs SDK: ${sdkRate ? `${(rate / sdkRate).toFixed(2)}x` : 'skipped'}; list bound ${fmt(listBound)}/s: ${(rate / listBound).toFixed(2)}; list+search bound ${fmt(listBound + searchBound)}/s: ${(rate / (listBound + searchBound)).toFixed(2)}`);
  console.log(`  first line after ${fmt(load.firstMs)} ms; ${loadStats.apiRequests} calls; ${loadStats.rateLimited} answered 429; peak RSS ${load.peakRss} MB`);
  if (load.records < total) console.log(`  !! expected at least ${fmt(total)} records`);

  // Reload of an unchanged account.
  const since = new Date().toISOString();
  await resetStats();
  const reload = await streamLoad(get, `?modified_since=${encodeURIComponent(since)}`);
  console.log(`unchanged reload (modified_since): ${(await stats()).apiRequests} calls, ${fmt(reload.totalMs)} ms, ${reload.records} records`);

  // 10 concurrent identical loads of one connection (a smaller account, so this stays short).
  await control('POST', '_faults', { crmCounts: concurrentCounts });
  const small = await connectApp();
  await resetStats();
  await streamLoad(small);
  const oneCalls = (await stats()).apiRequests;
  await resetStats();
  const many = await Promise.all(Array.from({ length: 10 }, () => streamLoad(small)));
  const tenCalls = (await stats()).apiRequests;
  console.log(
    `10 concurrent loads (${fmt(concurrentCounts.contacts + concurrentCounts.companies + concurrentCounts.deals)} records each): ${tenCalls} calls vs ${oneCalls} for one = ${(tenCalls / oneCalls).toFixed(2)}x; all complete: ${many.every((m) => m.end.done)}`,
  );

  // Memory: a big account, its emulator data generated before the baseline is taken.
  if (bigRecords === 0) process.exit(0);
  const big = { contacts: Math.round(bigRecords * 0.6), companies: Math.round(bigRecords * 0.1), deals: Math.round(bigRecords * 0.3) };
  await control('POST', '_faults', { crmCounts: big });
  const bigGet = await connectApp();
  await streamLoad(bigGet, `?modified_since=${encodeURIComponent(new Date().toISOString())}`);
  const baseline = rssMb();
  const bigLoad = await streamLoad(bigGet);
  console.log(
    `${fmt(bigLoad.records)}-record load: ${(bigLoad.totalMs / 1000).toFixed(1)} s, RSS ${baseline} MB before, peak ${bigLoad.peakRss} MB: growth ${bigLoad.peakRss - baseline} MB; end ${JSON.stringify(bigLoad.end)}`,
  );
} finally {
  await control('DELETE', '_faults').catch(() => {});
  children.forEach((child) => child.kill('SIGTERM'));
}
