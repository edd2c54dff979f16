// Reads the JSON reports of the vitest and Playwright runs and prints the one line CI reads:
// "N passed, N failed". A check (typecheck, lint) counts as one test. A suite whose report is missing (it crashed or never ran) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [, , ...reports] = process.argv;
let passed = 0;
let failed = 0;
let skipped = 0;

for (const spec of reports) {
  const [kind, file] = spec.split('=');
  if (!existsSync(file)) {
    console.log(`${kind}: no report at ${file}; counting the suite as failed`);
    failed += 1;
    continue;
  }
  if (kind.startsWith('check:')) {
    const ok = readFileSync(file, 'utf8').trim() === '0';
    if (ok) passed += 1;
    else failed += 1;
    console.log(`${kind.slice(6)}: ${ok ? 'passed' : 'failed'}`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (kind === 'playwright') {
    const { expected = 0, unexpected = 0, flaky = 0, skipped: skip = 0 } = report.stats ?? {};
    passed += expected + flaky;
    failed += unexpected;
    skipped += skip;
    if ((report.errors ?? []).length && unexpected === 0) failed += 1;
    console.log(`${kind}: ${expected + flaky} passed, ${unexpected} failed, ${skip} skipped`);
  } else {
    const suiteFailures = (report.testResults ?? []).filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + suiteFailures;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    console.log(`${kind}: ${report.numPassedTests} passed, ${report.numFailedTests + suiteFailures} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
