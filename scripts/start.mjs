// `npm start`: builds once if there is no build yet, then serves on 127.0.0.1:${PORT:-3000}.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = `${root}node_modules/.bin/next`;
const port = process.env.PORT ?? '3000';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' };

if (!existsSync(`${root}.next/BUILD_ID`)) {
  console.log('No build yet: running next build (about 30 s, once)...');
  const build = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(next, ['start', '-H', '127.0.0.1', '-p', port], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
