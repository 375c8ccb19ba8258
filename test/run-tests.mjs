#!/usr/bin/env node
// `npm test`: every vitest project (unit, extension, integration, e2e) in one run, with the normal
// console output, then ONE closing line `N passed, N failed[, N skipped]` that CI reads (vitest's
// own summary is not a format CI knows; STACK.md). Extra arguments go to vitest
// (e.g. `npm test -- --project e2e`). Exit code is non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'inbox-crm-vitest-'));
const outFile = path.join(outDir, 'vitest.json');

// Types first: vitest strips types without checking them, so a wrong type in a test or in code
// only tests reach would otherwise pass. A failed check counts as one failure (about 7 s).
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const typecheck = await new Promise((resolve) =>
  spawn(process.execPath, [tsc, '--noEmit', '-p', root], { cwd: root, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
);
console.log(typecheck === 0 ? 'typecheck: ok' : 'typecheck: FAILED (see above)');

const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile=${outFile}`, ...process.argv.slice(2)];
const child = spawn(process.execPath, [vitest, ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

const exitCode = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(outFile)) {
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that fails to load (syntax error, failing beforeAll) may have no failed test in it:
  // count each such file once so it cannot hide behind "0 failed".
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) {
      failed += 1;
      console.log(`FAILED to run: ${path.relative(root, file.name)}${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
    }
  }
  if (exitCode !== 0 && failed === 0) {
    // vitest failed for a reason outside any test (unhandled error, globalSetup failure).
    console.log(`vitest exited with code ${exitCode} although no test failed (unhandled error or setup failure; see above)`);
    failed = 1;
  }
} else {
  console.log(`vitest wrote no JSON report (exit code ${exitCode}); counting the run as failed`);
  failed = Math.max(failed, 1);
}
rmSync(outDir, { recursive: true, force: true });

if (typecheck !== 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || exitCode !== 0 ? 1 : 0);
