/**
 * Entry of the extension-host test run (`--extensionTestsPath`): runs the bundled mocha test files next
 * to this one. Rejects when any test fails, as @vscode/test-electron expects. When
 * `CLAIMLINT_SUITE_RESULTS` names a file, each test's outcome is also written there as JSON (for hosts
 * whose extension-host output is not visible to the runner, such as code-server).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  ok: boolean;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  const resultsFile = process.env.CLAIMLINT_SUITE_RESULTS;
  const outcomes: Outcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultsFile) {
        // written aside and renamed, so the runner never reads a half-written file
        fs.writeFileSync(`${resultsFile}.partial`, JSON.stringify({ failures, outcomes }, null, 2));
        fs.renameSync(`${resultsFile}.partial`, resultsFile);
      }
      if (failures > 0) reject(new Error(`${failures} ClaimLint extension test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), ok: true }));
    runner.on('fail', (test, error: Error) => outcomes.push({ title: test.fullTitle(), ok: false, error: error.message }));
  });
}
