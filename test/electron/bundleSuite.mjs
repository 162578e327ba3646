// Bundles the extension-host mocha suite (suite/*.ts) into test/electron/.out/ with esbuild: one CommonJS
// file per entry, `vscode` and `mocha` left external (the extension host provides `vscode`; mocha is
// resolved from the repo's node_modules).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
export const SUITE_OUT = path.join(HERE, '.out');

/** Builds the suite; returns the path to pass as `--extensionTestsPath`. */
export async function bundleSuite() {
  const esbuild = createRequire(path.join(REPO, 'package.json'))('esbuild');
  const suite = path.join(HERE, 'suite');
  const entryPoints = fs
    .readdirSync(suite)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suite, f));
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(SUITE_OUT, 'index.js');
}
