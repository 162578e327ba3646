// code-server (the real VS Code workbench) in a throw-away sandbox: its own user data, extensions,
// config and workspace under one temp folder, started on a free port and always stopped as a process group.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** User settings that keep the workbench quiet and the layout predictable; ClaimLint's own settings stay default. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  // One view line per model line, so a phrase is found on one rendered line.
  'editor.wordWrap': 'off',
  '[markdown]': { 'editor.wordWrap': 'off' },
  'files.autoSave': 'off',
};

/** Creates the sandbox folders and the workspace with copies of the drafts. */
export function createSandbox(drafts) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-e2e-'));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    home: path.join(root, 'home'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  for (const [name, source] of Object.entries(drafts)) fs.copyFileSync(source, path.join(dirs.workspace, name));
  return dirs;
}

function sandboxEnv(dirs) {
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
  };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  return env;
}

function baseArgs(entry, dirs) {
  return [entry, '--config', path.join(dirs.root, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs the .vsix into the sandbox's extensions folder; returns the installed extension's folder. */
export function installExtension(entry, dirs, vsix) {
  const result = spawnSync(process.execPath, [...baseArgs(entry, dirs), '--install-extension', vsix], {
    env: sandboxEnv(dirs),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (exit ${result.status}): ${output.trim().split('\n').slice(-5).join(' | ')}`);
  }
  const installed = fs.readdirSync(dirs.extensions).find((name) => name.startsWith('claimlint.claimlint-'));
  if (!installed) throw new Error(`the extension is not in ${dirs.extensions} after --install-extension`);
  return path.join(dirs.extensions, installed);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server and resolves once it says it listens (`env` is added to its environment, which the
 * extension host inherits). The process leads its own group, so `stop()`
 * also ends the extension host and the ClaimLint language server it spawned.
 */
export async function startCodeServer(entry, dirs, { timeout = 90_000, env = {} } = {}) {
  const port = await freePort();
  const log = fs.createWriteStream(path.join(dirs.root, 'code-server.log'));
  const child = spawn(
    process.execPath,
    [
      ...baseArgs(entry, dirs),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      dirs.workspace,
    ],
    { env: { ...sandboxEnv(dirs), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const kill = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  /** Stops the group: SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  const shutdown = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    stop();
    const timer = setTimeout(kill, 5_000);
    await gone;
    clearTimeout(timer);
    kill(); // any straggler of the group (the language server) goes too
    log.end();
  };
  await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`code-server did not report listening within ${timeout} ms; log: ${path.join(dirs.root, 'code-server.log')}`));
    }, timeout);
    const onData = (chunk) => {
      log.write(chunk);
      seen = (seen + chunk.toString()).slice(-4000);
      if (/HTTP server listening on/i.test(seen)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code) => {
      cleanup();
      reject(new Error(`code-server exited (${code}) before listening: ${seen.trim().split('\n').slice(-5).join(' | ')}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      child.stdout.on('data', (chunk) => log.write(chunk));
      child.stderr.on('data', (chunk) => log.write(chunk));
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  });
  return { port, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`, pid: child.pid, shutdown, killNow: kill };
}
