#!/usr/bin/env node
// Sums the per-project Vitest JSON reports (tmp/test-results/*.json) into the one line CI
// ends with: "N passed, N failed". A failing gate step (format, lint, typecheck) with no failed
// test still counts as one failure, so the line never reads "0 failed" on a red run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const status = Number(process.argv[2] ?? 0);
const dir = join(process.cwd(), 'tmp/test-results');
let passed = 0;
let failed = 0;
const failedProjects = [];
if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    const f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    failed += f;
    if (f > 0) failedProjects.push(file.replace(/\.json$/, ''));
  }
}
if (status !== 0 && failed === 0) failed = 1;
if (failedProjects.length) console.log(`failing projects: ${failedProjects.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
