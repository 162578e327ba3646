// The prerequisites of the real-editor run: Chromium, code-server (test/e2e/setup.sh) and a fresh claimlint.vsix.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = process.env.CLAIMLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * How the real-workbench runners start Chromium (playwright's `launch` options): headless, with the signal
 * handlers off because each runner stops Chromium itself, after its cases and on signals too.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Paths of the code-server install that setup.sh makes. */
export function codeServerPaths(repo) {
  const tools = path.join(repo, '.tools', 'code-server');
  const root = path.join(tools, 'node_modules', 'code-server');
  return { tools, root, entry: path.join(root, 'out', 'node', 'entry.js'), marker: path.join(tools, `.installed-${CODE_SERVER_VERSION}`) };
}

/** Runs setup.sh when Chromium or code-server is missing. */
export function ensureTools(repo) {
  const { marker } = codeServerPaths(repo);
  if (fs.existsSync(CHROMIUM) && fs.existsSync(marker)) return false;
  const result = spawnSync('bash', [path.join(repo, 'test', 'e2e', 'setup.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`test/e2e/setup.sh failed (exit ${result.status})`);
  return true;
}

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Inputs of the package: when any is newer than the .vsix, the .vsix is stale. */
const PACKAGE_INPUTS = ['package.json', 'esbuild.mjs', '.vscodeignore', 'README.md', 'client/src', 'server/src', 'seeds', 'docs'];

/** Returns the path of a claimlint.vsix at least as new as its sources, running `npm run package` if needed. */
export function ensurePackage(repo) {
  const vsix = path.join(repo, 'claimlint.vsix');
  const sourcesChanged = Math.max(...PACKAGE_INPUTS.map((p) => newestMtime(path.join(repo, p))));
  const cli = path.join(repo, 'dist', 'cli.js');
  if (process.env.CLAIMLINT_E2E_REPACKAGE !== '1' && fs.existsSync(vsix) && fs.existsSync(cli) && newestMtime(vsix) >= sourcesChanged) {
    return { vsix, packaged: false };
  }
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`npm run package failed (exit ${result.status}):\n${output}`);
  }
  return { vsix, packaged: true };
}
