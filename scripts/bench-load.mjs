// `npm run bench`: how fast the app loads each provider's items, and what it costs.
// Starts the built app on 127.0.0.1:${BENCH_PORT:-3150} against its sandboxes, connects each provider,
// then measures a JSON load followed by an NDJSON load (time to first item, total) with no added latency and
// with ${BENCH_LATENCY_MS:-60} ms of latency per provider request, plus the server's memory; then a large
// HubSpot account (the sandbox data times ${BENCH_LARGE_SCALE:-10}) streamed as NDJSON, which HubSpot's
// 110 requests / 10 s budget (we use 100) bounds at about 1,000 items/s.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 3150);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 60);
const largeScale = Number(process.env.BENCH_LARGE_SCALE ?? 10);
const app = `http://127.0.0.1:${port}`;

if (!existsSync(`${root}.next/BUILD_ID`)) {
  console.error('No build: run `npm run build` first.');
  process.exit(1);
}

const server = spawn(`${root}node_modules/.bin/next`, ['start', '-H', '127.0.0.1', '-p', String(port)], {
  cwd: root,
  env: { PATH: process.env.PATH, NEXT_TELEMETRY_DISABLED: '1', APP_URL: app, ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) },
  stdio: 'ignore',
});
const rssMb = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

function browser() {
  let cookie = '';
  return async (path, init = {}) => {
    const response = await fetch(path.startsWith('http') ? path : `${app}${path}`, { ...init, redirect: 'manual', headers: { ...init.headers, cookie } });
    const set = response.headers.getSetCookie()[0];
    if (set) cookie = set.split(';')[0];
    return response;
  };
}

async function connect(get, provider) {
  const consent = new URL((await get(`/api/integrations/${provider}/authorize`)).headers.get('location'));
  const form = new URLSearchParams(consent.searchParams);
  form.set('decision', 'allow');
  const back = await fetch(new URL(consent.pathname, consent), { method: 'POST', body: form, redirect: 'manual' });
  const callback = await get(back.headers.get('location'));
  if (callback.status !== 200) throw new Error(`${provider}: connect failed (${callback.status})`);
}

async function measure(get, provider) {
  const started = performance.now();
  const items = await (await get(`/api/integrations/${provider}/items`)).json();
  const jsonMs = performance.now() - started;
  const streamStart = performance.now();
  const response = await get(`/api/integrations/${provider}/items`, { headers: { accept: 'application/x-ndjson' } });
  const reader = response.body.getReader();
  let firstMs = null;
  let lines = 0;
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstMs ??= performance.now() - streamStart;
    lines += (decoder.decode(value, { stream: true }).match(/\n/g) ?? []).length;
  }
  return { items: items.length, lines, jsonMs, firstMs, streamMs: performance.now() - streamStart };
}

const sandbox = (provider, method, path, body) =>
  fetch(`${app}/sandbox/${provider}/${path}`, { method, body: body && JSON.stringify(body), headers: { 'content-type': 'application/json' } }).then((r) => r.json());

try {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${app}/api/health`).then(() => true, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const rows = [];
  for (const provider of ['hubspot', 'airtable', 'notion']) {
    for (const addedLatency of [0, latency]) {
      // A fresh connection (a new sandbox account) per row, so one row's requests do not use up the next row's rate budget.
      const get = browser();
      await connect(get, provider);
      await sandbox(provider, 'DELETE', '_faults');
      await sandbox(provider, 'POST', '_stats/reset');
      if (addedLatency) await sandbox(provider, 'POST', '_faults', { latencyMs: addedLatency });
      const result = await measure(get, provider);
      const stats = await sandbox(provider, 'GET', '_stats');
      rows.push({ provider, latency: addedLatency, ...result, requests: stats.apiRequests / 2, rateLimited: stats.rateLimited, rss: rssMb() });
    }
    await sandbox(provider, 'DELETE', '_faults');
  }
  console.log('provider  latency/req  items  requests/load  429s  JSON load  NDJSON first item  NDJSON total  server RSS');
  for (const r of rows) {
    console.log(
      `${r.provider.padEnd(9)} ${`${r.latency} ms`.padStart(11)} ${String(r.items).padStart(6)} ${String(r.requests).padStart(14)} ${String(r.rateLimited).padStart(5)} ` +
        `${`${Math.round(r.jsonMs)} ms`.padStart(10)} ${`${Math.round(r.firstMs)} ms`.padStart(18)} ${`${Math.round(r.streamMs)} ms`.padStart(13)} ${`${r.rss} MB`.padStart(11)}`,
    );
    if (r.items !== r.lines) console.log(`  !! ${r.provider}: JSON gave ${r.items} items, NDJSON ${r.lines} lines`);
  }
  if (largeScale > 1) {
    const get = browser();
    await sandbox('hubspot', 'DELETE', '_faults');
    await sandbox('hubspot', 'POST', '_faults', { dataScale: largeScale });
    await connect(get, 'hubspot');
    await sandbox('hubspot', 'POST', '_stats/reset');
    const started = performance.now();
    const response = await get('/api/integrations/hubspot/items', { headers: { accept: 'application/x-ndjson' } });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let lines = 0;
    let firstMs = null;
    let peakRss = 0;
    for (let last = 0; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      firstMs ??= performance.now() - started;
      lines += (decoder.decode(value, { stream: true }).match(/\n/g) ?? []).length;
      if (performance.now() - last > 500) [last, peakRss] = [performance.now(), Math.max(peakRss, rssMb())];
    }
    const totalMs = performance.now() - started;
    const stats = await sandbox('hubspot', 'GET', '_stats');
    await sandbox('hubspot', 'DELETE', '_faults');
    console.log(
      `large HubSpot account (x${largeScale}): ${lines} items in ${(totalMs / 1000).toFixed(1)} s ` +
        `(${Math.round(lines / (totalMs / 1000))} items/s), first item after ${Math.round(firstMs)} ms, ` +
        `${stats.apiRequests} requests, ${stats.rateLimited} answered 429, server RSS peak ${peakRss} MB`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
