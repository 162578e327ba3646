/**
 * Proves the language server works outside VS Code: Neovim's built-in LSP client (headless, driven by
 * test/neovim/claimlint.lua) starts `node dist/server.js --stdio`, opens a draft, shows ClaimLint's
 * diagnostics and hovers, and shuts the server down cleanly.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(ROOT, 'test', 'neovim');
const CONFIG = path.join(HERE, 'claimlint.lua');
const FIXTURE = path.join(HERE, 'fixtures', 'draft.md');
const SERVER = path.join(ROOT, 'dist', 'server.js');
/** The Neovim executable; override with CLAIMLINT_NVIM=/path/to/nvim. */
const NVIM = process.env.CLAIMLINT_NVIM || 'nvim';
/** Deadline for each wait inside Neovim (diagnostics, hover, shutdown). */
const WAIT_MS = 15000;
/** Deadline for the whole Neovim process. */
const PROCESS_MS = 45000;

const INSTALL_HINT =
  'Install Neovim 0.7 or later (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y neovim`; ' +
  'macOS: `brew install neovim`), or point CLAIMLINT_NVIM at an nvim binary. CI installs it before `npm run test:neovim`.';

interface Position {
  line: number;
  character: number;
}

interface Observed {
  nvim: string;
  uri?: string;
  filetype?: string;
  diagnostics?: {
    code?: string;
    source?: string;
    severity?: string;
    message: string;
    text: string;
    range: { start: Position; end: Position };
  }[];
  hovers?: { position: Position; code?: string; kind?: string; markdown?: string }[];
  server_messages: string[];
  log_messages: string[];
  server_exit?: { code: number; signal: number } | string;
  error?: string;
}

/** The version of the nvim on PATH, or an error that says how to install it. */
function nvimVersion(): string {
  const probe = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10000 });
  if (probe.error) {
    const missing = (probe.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      `${missing ? `Neovim is not installed: \`${NVIM}\` was not found` : `\`${NVIM} --version\` failed: ${probe.error.message}`}. ${INSTALL_HINT}`,
    );
  }
  const match = /^NVIM v(\d+)\.(\d+)\.(\d+)/m.exec(probe.stdout);
  if (!match) throw new Error(`\`${NVIM} --version\` printed no NVIM version:\n${probe.stdout}${probe.stderr}\n${INSTALL_HINT}`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major === 0 && minor < 7) throw new Error(`Neovim ${match[0].slice(6)} is too old; the test needs 0.7 or later. ${INSTALL_HINT}`);
  return match[0].slice(6);
}

/** Runs the headless Neovim session and resolves with its exit code and output (killed after PROCESS_MS). */
function runNvim(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, PROCESS_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

describe("Neovim's built-in LSP client", function () {
  this.timeout(PROCESS_MS + 15000);
  let workDir: string;
  let observed: Observed;
  let draftUri: string;

  before(async () => {
    const version = nvimVersion();
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`npm run build\` first.`);

    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-neovim-'));
    const draft = path.join(workDir, 'draft.md');
    fs.copyFileSync(FIXTURE, draft);
    draftUri = `file://${draft}`;
    const out = path.join(workDir, 'observed.json');
    const xdg = path.join(workDir, 'xdg');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Keep Neovim's logs (lsp.log), state and any user config out of $HOME.
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      CLAIMLINT_SERVER: SERVER,
      CLAIMLINT_NODE: process.execPath,
      CLAIMLINT_DRAFT: draft,
      CLAIMLINT_OUT: out,
      CLAIMLINT_TIMEOUT_MS: String(WAIT_MS),
    };

    const run = await runNvim(['--headless', '--clean', '-n', '-u', CONFIG], env);
    const lspLog = path.join(xdg, 'cache', 'nvim', 'lsp.log');
    const report = [
      `nvim ${version}: exit code ${run.code}${run.signal ? `, signal ${run.signal}` : ''}${run.timedOut ? ` (killed after ${PROCESS_MS} ms)` : ''}`,
      run.stdout && `stdout:\n${run.stdout}`,
      run.stderr && `stderr:\n${run.stderr}`,
      fs.existsSync(lspLog) && `${lspLog}:\n${fs.readFileSync(lspLog, 'utf8').slice(-4000)}`,
      fs.existsSync(out) && `${out}:\n${fs.readFileSync(out, 'utf8').slice(0, 4000)}`,
    ]
      .filter(Boolean)
      .join('\n');
    assert.ok(fs.existsSync(out), `Neovim wrote no observations.\n${report}`);
    observed = JSON.parse(fs.readFileSync(out, 'utf8')) as Observed;
    assert.equal(observed.error, undefined, `claimlint.lua failed: ${observed.error}\n${report}`);
    assert.equal(run.code, 0, report);
  });

  after(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('starts the server for the Markdown draft and answers its workspace/configuration request', () => {
    assert.equal(observed.filetype, 'markdown');
    assert.equal(observed.uri, draftUri);
    assert.ok(
      observed.server_messages.includes('workspace/configuration claimlint'),
      `server messages: ${observed.server_messages.join('; ')}`,
    );
    assert.ok(
      observed.log_messages.some((m) => m.startsWith('ClaimLint server started')),
      observed.log_messages.join('\n'),
    );
  });

  it('shows the loaded.term diagnostics at the flagged words', () => {
    const loaded = (observed.diagnostics ?? []).filter((d) => d.code === 'loaded.term');
    assert.deepEqual(
      loaded.map((d) => ({ text: d.text, range: d.range, source: d.source, severity: d.severity })),
      [
        {
          text: 'narco-terrorist',
          range: { start: { line: 0, character: 4 }, end: { line: 0, character: 19 } },
          source: 'claimlint',
          severity: 'WARN',
        },
        {
          text: 'dictator',
          range: { start: { line: 2, character: 31 }, end: { line: 2, character: 39 } },
          source: 'claimlint',
          severity: 'WARN',
        },
      ],
      JSON.stringify(observed.diagnostics, null, 2),
    );
    assert.match(loaded[0].message, /narco-terrorist/);
    assert.match(loaded[1].message, /dictator/);
  });

  it('hovers a flagged word with the reason and neutral alternatives', () => {
    const hover = (observed.hovers ?? []).find((h) => h.position.line === 2 && h.position.character > 31 && h.position.character < 39);
    assert.ok(hover, `no hover inside "dictator": ${JSON.stringify(observed.hovers)}`);
    assert.equal(hover.kind, 'markdown');
    const markdown = hover.markdown ?? '';
    assert.match(markdown, /loaded\.term/);
    assert.match(markdown, /\*\*Why:\*\*/);
    assert.match(markdown, /president/);
  });

  it('shuts the server down cleanly when asked', () => {
    assert.deepEqual(observed.server_exit, { code: 0, signal: 0 });
  });
});
