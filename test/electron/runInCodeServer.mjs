#!/usr/bin/env node
// Runs the extension-host suite (test/electron/suite) in code-server's extension host, for machines
// where @vscode/test-electron cannot download VS Code. code-server's CLI refuses
// --extensionDevelopmentPath/--extensionTestsPath, but its browser workbench takes them as a `payload`
// URL parameter (as VS Code for the Web opens an Extension Development Host), so Chromium opens the
// workbench with the repo as the development extension and the bundled suite as the tests. The suite
// writes each test's outcome to CLAIMLINT_SUITE_RESULTS, which this runner prints.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, startCodeServer } from '../e2e/lib/codeServer.mjs';
import { CHROMIUM_LAUNCH, codeServerPaths, ensureTools } from '../e2e/lib/prerequisites.mjs';
import { bundleSuite } from './bundleSuite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SUITE_DEADLINE_MS = 5 * 60_000;

/** Resolves when `file` exists (watching its folder), rejects after `timeout` or when `abort` fires. */
function whenFileExists(file, timeout, abort) {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) done(resolve);
    });
    const timer = setTimeout(() => done(() => reject(new Error(`no results after ${timeout / 1000}s`))), timeout);
    abort.then((reason) => done(() => reject(new Error(reason))));
    function done(settle) {
      clearTimeout(timer);
      watcher.close();
      settle();
    }
    if (fs.existsSync(file)) done(resolve);
  });
}

async function main() {
  ensureTools(REPO);
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
  const testsPath = await bundleSuite();
  const { drafts } = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'e2e', 'families.json'), 'utf8'));
  const sandbox = createSandbox(Object.fromEntries(Object.entries(drafts).map(([name, file]) => [name, path.join(REPO, file)])));
  const results = path.join(sandbox.root, 'results', 'suite.json');
  fs.mkdirSync(path.dirname(results));
  const { entry } = codeServerPaths(REPO);
  let codeServer;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.shutdown();
    fs.rmSync(sandbox.root, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping code-server and Chromium; the suite did not complete`);
      void stop().finally(() => process.exit(130));
    });
  }
  process.on('exit', () => codeServer?.killNow());
  try {
    codeServer = await startCodeServer(entry, sandbox, { env: { CLAIMLINT_SUITE_RESULTS: results } });
    const authority = `127.0.0.1:${codeServer.port}`;
    const remote = (file) => `vscode-remote://${authority}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    const url = `${codeServer.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const { chromium } = createRequire(path.join(REPO, 'package.json'))('playwright-core');
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const page = await browser.newPage();
    let pageClosed;
    const closed = new Promise((resolve) => (pageClosed = resolve));
    page.on('close', () => pageClosed('the workbench page closed before the suite reported'));
    await page.goto(url);
    const started = Date.now();
    await whenFileExists(results, SUITE_DEADLINE_MS, closed);
    const { failures, outcomes } = JSON.parse(fs.readFileSync(results, 'utf8'));
    for (const outcome of outcomes)
      console.log(`${outcome.ok ? 'PASS' : 'FAIL'}  ${outcome.title}${outcome.error ? `\n      ${outcome.error.split('\n')[0]}` : ''}`);
    console.log(
      `\n${outcomes.length - failures} passed, ${failures} failed in code-server's extension host (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
    return failures === 0 && outcomes.length > 0 ? 0 : 1;
  } finally {
    await stop();
  }
}

try {
  process.exit(await main());
} catch (error) {
  console.log(`FAIL  extension-host suite in code-server: ${error.message}`);
  process.exit(1);
}
