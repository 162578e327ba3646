/**
 * The real language server (`dist/server.js --stdio`, the flags VS Code uses) against hostile files in its
 * workspace: configuration that is a device, a pipe or too big to parse, configuration above the workspace,
 * and a client without workspace folders. Tests wait on protocol events, never on sleeps.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';

const uriOf = (file: string): string => pathToFileURL(file).toString();
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const DRAFT = 'The dictator spoke on Tuesday.\n';

/** Resident set size of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  assert.ok(kb);
  return Number(kb[1]) / 1024;
}

async function shutDown(server: ServerSession): Promise<void> {
  if (server.process.exitCode !== null) return;
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  assert.equal(await server.exited, 0);
}

/** Opens a draft and returns its first published findings, then checks the server still answers a hover. */
async function openDraft(server: ServerSession, file: string): Promise<Diagnostic[]> {
  const uri = uriOf(file);
  const published = server.diagnostics(uri, (p) => p.version === 1);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT },
  });
  const { diagnostics } = await published;
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
  assert.ok(hover, 'the server answers hovers');
  return diagnostics;
}

/** The edit of the allow-list quick fix offered for the first finding of a draft, in a fresh server. */
async function allowListActionFor(workspace: string, draft: string): Promise<CodeAction | undefined> {
  const server = await startServer(workspace, { debounceMs: 0 });
  try {
    const [finding] = await openDraft(server, draft);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(draft) },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    return actions.find((a) => a.title.includes('allow-list'));
  } finally {
    await shutDown(server);
  }
}

describe('language server and hostile workspace files', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-hostile-ws-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [what, make, says] of [
    [
      'a symlink to /dev/zero',
      (file: string) => fs.symlinkSync('/dev/zero', file),
      /^configuration file: a device, not a regular file; it is ignored$/,
    ],
    ['a FIFO', (file: string) => spawnSync('mkfifo', [file]), /^configuration file: a pipe \(FIFO\), not a regular file; it is ignored$/],
    [
      'a million-item allow-list (2 MB)',
      (file: string) => fs.writeFileSync(file, `allow: [${Array(1_000_000).fill('a').join(',')}]\n`),
      /^file is too large to load/,
    ],
  ] as const) {
    it(`.claimlint.yaml that is ${what}: the draft is linted with the defaults, the problem published at 1:1, memory bounded`, async () => {
      const configFile = path.join(dir, '.claimlint.yaml');
      make(configFile);
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        const configProblems = server.diagnostics(uriOf(configFile), (p) => p.diagnostics.length > 0);
        const findings = await openDraft(server, path.join(dir, 'story.md'));
        // the draft says once that its configuration is ignored
        assert.deepEqual(
          findings.map((d) => d.code),
          ['config.invalid', 'loaded.term'],
        );
        const { diagnostics } = await configProblems;
        assert.equal(diagnostics.length, 1);
        assert.match(messageOf(diagnostics[0]), says);
        assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
        assert.ok(rssMb(server.process.pid!) < 400, `${rssMb(server.process.pid!)} MB`);
      } finally {
        await shutDown(server);
      }
    });
  }

  it('a .claimlint.yaml above the workspace folder never applies (enable: false there leaves linting on)', async () => {
    fs.writeFileSync(path.join(dir, '.claimlint.yaml'), 'enable: false\n');
    const workspace = path.join(dir, 'ws');
    fs.mkdirSync(workspace);
    const server = await startServer(workspace, { debounceMs: 0 });
    try {
      const findings = await openDraft(server, path.join(workspace, 'story.md'));
      assert.deepEqual(
        findings.map((d) => d.code),
        ['loaded.term'],
      );
    } finally {
      await shutDown(server);
    }
  });

  it("the allow-list quick fix edits the workspace's own .claimlint.yaml, never one above the workspace", async () => {
    fs.writeFileSync(path.join(dir, '.claimlint.yaml'), 'allow: [thugs]\n');
    const workspace = path.join(dir, 'ws');
    const draft = path.join(workspace, 'drafts', 'sub', 'story.md');
    const workspaceConfig = path.join(workspace, '.claimlint.yaml');
    fs.mkdirSync(path.dirname(draft), { recursive: true });
    const created = await allowListActionFor(workspace, draft);
    assert.deepEqual(created?.edit?.documentChanges?.[0], {
      kind: 'create',
      uri: uriOf(workspaceConfig),
      options: { ignoreIfExists: true },
    });
    // after the edit the editor runs the client command that saves the file and says so
    assert.deepEqual(created?.command, {
      title: 'Save the allow-list',
      command: 'claimlint.allowListEdited',
      arguments: [uriOf(workspaceConfig), 'dictator'],
    });
    fs.writeFileSync(workspaceConfig, 'sensitivity: standard\n');
    const changed = await allowListActionFor(workspace, draft);
    assert.deepEqual(Object.keys(changed?.edit?.changes ?? {}), [uriOf(workspaceConfig)]);
  });

  it('a client without workspace folders: no error logged, drafts linted', async () => {
    const server = await startServer(null, { debounceMs: 0 });
    try {
      const findings = await openDraft(server, path.join(dir, 'story.md'));
      assert.deepEqual(
        findings.map((d) => d.code),
        ['loaded.term'],
      );
      assert.deepEqual(
        server.logs.filter((l) => l.type === 1),
        [],
      );
    } finally {
      await shutDown(server);
    }
  });
});
