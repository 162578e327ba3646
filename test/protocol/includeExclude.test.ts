import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';

const uriOf = (file: string): string => pathToFileURL(file).toString();
const TEXT = 'The narco-terrorist group met the Syrian dictator.\n';

describe('language server: include and exclude', function () {
  this.timeout(30000);
  let dir: string;
  let server: ServerSession;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-include-'));
    fs.mkdirSync(path.join(dir, 'desk', 'archive'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'desk', '.claimlint.yaml'), 'exclude: [archive]\n');
    // editor settings as Neovim or Helix send them: nothing about include/exclude, so the built-in defaults apply
    server = await startServer(dir, { debounceMs: 0 });
  });

  afterEach(async () => {
    if (server.process.exitCode === null) {
      await server.connection.sendRequest(ShutdownRequest.type);
      await server.connection.sendNotification(ExitNotification.type);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every diagnostics notification for `uri` from now on. */
  function record(uri: string): PublishDiagnosticsParams[] {
    const seen: PublishDiagnosticsParams[] = [];
    void server.diagnostics(uri, (p) => {
      seen.push(p);
      return false;
    });
    return seen;
  }

  async function open(uri: string, text = TEXT, version = 1): Promise<PublishDiagnosticsParams> {
    const published = server.diagnostics(uri);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    return published;
  }

  /** Lints an included draft and waits for its findings: everything the server was sent before is done by then. */
  async function settle(name: string): Promise<void> {
    const { diagnostics } = await open(uriOf(path.join(dir, name)));
    assert.ok(diagnostics.length > 0, `${name} is linted`);
  }

  it('publishes no diagnostics for an open README (default exclude) and has no hover for it, while drafts and untitled documents are linted', async () => {
    const readme = uriOf(path.join(dir, 'README.md'));
    const seen = record(readme);
    const first = await open(readme);
    assert.deepEqual(first.diagnostics, [], 'an excluded draft gets an empty list, clearing anything shown before');
    // an edit does not bring it back
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: readme, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Thugs. ' }],
    });
    const untitled = await open('untitled:Untitled-1');
    assert.ok(
      untitled.diagnostics.some((d) => d.code === 'loaded.term'),
      'an untitled document is always linted',
    );
    await settle('story.md');
    assert.ok(seen.length >= 1 && seen.every((p) => p.diagnostics.length === 0), JSON.stringify(seen));
    assert.equal(
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: readme }, position: { line: 0, character: 6 } }),
      null,
    );
  });

  it('follows the nearest .claimlint.yaml, relative to its folder', async () => {
    const archived = uriOf(path.join(dir, 'desk', 'archive', 'old.md'));
    const seen = record(archived);
    assert.deepEqual((await open(archived)).diagnostics, []);
    // desk/.claimlint.yaml sets exclude, which replaces the defaults under desk/
    const deskReadme = await open(uriOf(path.join(dir, 'desk', 'README.md')));
    assert.ok(deskReadme.diagnostics.length > 0, 'the defaults no longer apply under desk/');
    await settle('desk/story.md');
    assert.ok(
      seen.every((p) => p.diagnostics.length === 0),
      JSON.stringify(seen),
    );
  });

  it('lints and clears an open document as claimlint.exclude changes', async () => {
    const readme = uriOf(path.join(dir, 'README.md'));
    server.settings.exclude = [];
    const linted = await open(readme);
    assert.ok(
      linted.diagnostics.some((d) => d.code === 'loaded.term'),
      'with claimlint.exclude empty, the README is linted',
    );

    server.settings.exclude = ['**/README*.md'];
    const cleared = server.diagnostics(readme);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual((await cleared).diagnostics, [], 'excluding it clears its diagnostics');
    assert.equal(
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: readme }, position: { line: 0, character: 6 } }),
      null,
    );

    server.settings.include = ['news/**'];
    server.settings.exclude = [];
    const story = uriOf(path.join(dir, 'story.md'));
    const notIncluded = record(story);
    const relinted = server.diagnostics(readme);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual((await relinted).diagnostics, [], 'README.md is not under news/');
    await open(story);
    await settle('news/a.md');
    assert.ok(notIncluded.length >= 1 && notIncluded.every((p) => p.diagnostics.length === 0), JSON.stringify(notIncluded));
  });

  it('Lint Workspace skips excluded files', async () => {
    fs.writeFileSync(path.join(dir, 'README.md'), TEXT);
    fs.writeFileSync(path.join(dir, 'story.md'), TEXT);
    fs.writeFileSync(path.join(dir, 'desk', 'archive', 'old.md'), TEXT);
    const readme = record(uriOf(path.join(dir, 'README.md')));
    const archived = record(uriOf(path.join(dir, 'desk', 'archive', 'old.md')));
    const story = server.diagnostics(uriOf(path.join(dir, 'story.md')));
    const summary = (await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'claimlint.server.lintWorkspace',
      arguments: [],
    })) as {
      files: number;
      excluded: number;
    };
    assert.equal(summary.files, 1);
    assert.equal(summary.excluded, 2);
    assert.ok((await story).diagnostics.length > 0);
    for (const seen of [readme, archived])
      assert.ok(
        seen.every((p) => p.diagnostics.length === 0),
        JSON.stringify(seen),
      );
  });

  it('Lint Workspace counts an open draft with the findings the editor shows for it', async () => {
    fs.writeFileSync(path.join(dir, 'story.md'), TEXT);
    fs.writeFileSync(path.join(dir, 'open.md'), TEXT);
    const shown = await open(uriOf(path.join(dir, 'open.md')));
    const story = server.diagnostics(uriOf(path.join(dir, 'story.md')));
    const summary = (await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'claimlint.server.lintWorkspace',
      arguments: [],
    })) as {
      files: number;
      findings: number;
    };
    assert.equal(summary.files, 2, 'the open draft is counted');
    assert.equal(summary.findings, shown.diagnostics.length + (await story).diagnostics.length);
  });
});
