/**
 * Entry of the extension-host test run (`--extensionTestsPath`): runs the bundled mocha test files next
 * to this one. Rejects when any test fails, as @vscode/test-electron expects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const resultsFile = process.env.CLAIMLINT_SUITE_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ failures }));
      if (failures > 0) reject(new Error(`${failures} ClaimLint extension test(s) failed`));
      else resolve();
    });
  });
}
