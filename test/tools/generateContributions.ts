/**
 * `npm run generate`: writes package.json's `contributes.configuration` and restricted configurations, the
 * `.claimlint.yaml` schema and the settings list of docs/configuration.md from the rule registry and the
 * settings table (see ./contributions.ts). test/unit/registry.test.ts fails while a committed file differs.
 */
import * as fs from 'node:fs';
import { generatedFiles } from './contributions';

for (const { file, current, generated } of generatedFiles()) {
  const changed = current !== generated;
  if (changed) fs.writeFileSync(file, generated);
  console.log(`${file}: ${changed ? 'written' : 'up to date'}`);
}
