// After the suites: asks the test app's sandboxes for every code, token and client secret they
// issued (GET /sandbox/{p}/_stats/issued, SANDBOX_CONTROL=1), adds those the extra instances
// reported (.test-artifacts/issued/*.json), and checks that none appears in any log of the run
// (.test-artifacts/app.log and the extra instances' logs in .test-artifacts/instances/).
// Prints the figures and exits 1 when a secret leaked or nothing was issued (the check would prove nothing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , artifacts = '.test-artifacts', app = process.env.TEST_APP_URL] = process.argv;

const issued = new Set();
const answer = await fetch(`${app}/sandbox/hubspot/_stats/issued`).catch(() => null);
if (answer?.ok) for (const value of (await answer.json()).issued) issued.add(value);
const filesIn = (dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []);
for (const file of filesIn(join(artifacts, 'issued'))) for (const value of JSON.parse(readFileSync(file, 'utf8'))) issued.add(value);

const logs = [join(artifacts, 'app.log'), ...filesIn(join(artifacts, 'instances'))].filter((file) => existsSync(file));
let found = 0;
for (const file of logs) {
  const text = readFileSync(file, 'utf8');
  for (const secret of issued) {
    if (text.includes(secret)) {
      found += 1;
      console.log(`LEAK: ${file} contains a secret the sandboxes issued (${secret.slice(0, 6)}…)`);
    }
  }
}
console.log(`secrets issued by the sandboxes: ${issued.size}; logs scanned: ${logs.length}; secrets found in logs: ${found}`);
process.exit(found === 0 && issued.size > 0 && logs.length > 0 ? 0 : 1);
