#!/usr/bin/env node
// Runs the extension-host suite (test/electron/suite) in a VS Code downloaded by @vscode/test-electron.
// Where VS Code cannot be downloaded (machines that reach only npm and Debian), it prints one SKIPPED
// line with the reason and exits 0 — it never reports the suite as passed. The same suite runs here in
// code-server's extension host: node test/electron/runInCodeServer.mjs.
//
// Environment: CLAIMLINT_VSCODE_VERSION (default: the newest stable that fits engines.vscode),
// CLAIMLINT_VSCODE_TIMEOUT_MS (idle timeout of the download's requests, default 10000).
// On a Linux machine without a display, run it under xvfb-run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSuite } from './bundleSuite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const require = createRequire(path.join(REPO, 'package.json'));
const { download, runTests, SilentReporter } = require('@vscode/test-electron');

const timeout = Number(process.env.CLAIMLINT_VSCODE_TIMEOUT_MS ?? 10_000);

/** Downloads (or finds in .vscode-test/) a VS Code; resolves to its executable, or to the reason it could not. */
async function fetchVSCode() {
  try {
    const executable = await download({
      version: process.env.CLAIMLINT_VSCODE_VERSION || undefined,
      extensionDevelopmentPath: REPO,
      cachePath: path.join(REPO, '.vscode-test'),
      reporter: new SilentReporter(),
      timeout,
    });
    return { executable };
  } catch (error) {
    const reason = [error?.message, error?.cause?.message, error?.code].filter(Boolean).join(': ') || String(error);
    return { reason: reason.replace(/\s+/g, ' ').trim() };
  }
}

/** A temp workspace with the drafts the e2e suites share (test/e2e/families.json). */
function createWorkspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-electron-'));
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace);
  const { drafts } = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'e2e', 'families.json'), 'utf8'));
  for (const [name, file] of Object.entries(drafts)) fs.copyFileSync(path.join(REPO, file), path.join(workspace, name));
  return { root, workspace };
}

async function main() {
  const vscode = await fetchVSCode();
  if (!vscode.executable) {
    console.log(`SKIPPED test:electron — VS Code could not be downloaded, so the extension-host suite did not run (${vscode.reason})`);
    return 0;
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log(`FAIL  test:electron — npm run build failed (exit ${build.status})`);
    return 1;
  }
  const extensionTestsPath = await bundleSuite();
  const { root, workspace } = createWorkspace();
  try {
    const code = await runTests({
      vscodeExecutablePath: vscode.executable,
      extensionDevelopmentPath: REPO,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(root, 'user-data'),
        '--extensions-dir',
        path.join(root, 'extensions'),
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // Electron refuses to run as root with its sandbox
      ],
    });
    console.log(code === 0 ? 'PASS  test:electron — the extension-host suite passed' : `FAIL  test:electron — VS Code exited with ${code}`);
    return code === 0 ? 0 : 1;
  } catch (error) {
    console.log(`FAIL  test:electron — ${error?.message ?? error}`);
    return 1;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

process.exit(await main());
