import * as assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';

const URI = 'file:///tmp/claimlint-protocol/draft.md';
const TEXT = 'The narco-terrorist group met.\n\nPutin congratulated the Syrian dictator on Tuesday.\n';

describe('language server over stdio', function () {
  this.timeout(30000);
  let server: ServerSession;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    server.process.kill();
  });

  it('publishes diagnostics on open, hovers, offers quick fixes, re-lints edits and shuts down', async () => {
    const opened = server.diagnostics(URI);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: URI, languageId: 'markdown', version: 1, text: TEXT },
    });
    const first = await opened;
    assert.equal(first.version, 1);
    const loaded = first.diagnostics.filter((d) => d.code === 'loaded.term');
    assert.deepEqual(
      loaded.map((d) => d.range.start),
      [
        { line: 0, character: 4 },
        { line: 2, character: 31 },
      ],
    );
    assert.ok(loaded.every((d) => d.source === 'claimlint' && d.codeDescription?.href.endsWith('/docs/rules/loaded.term.md')));

    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: URI },
      position: { line: 2, character: 33 },
    })) as Hover;
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /loaded\.term/);
    assert.match(markdown, /\*\*Why:\*\*/);
    assert.match(markdown, /president/);

    const dictator = loaded[1];
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: dictator.range,
      context: { diagnostics: [dictator] },
    })) as CodeAction[];
    const replace = actions.find((a) => a.title === 'Replace with "president"');
    assert.ok(replace, actions.map((a) => a.title).join(', '));
    assert.deepEqual(replace.edit?.changes?.[URI], [{ range: dictator.range, newText: 'president' }]);
    assert.equal(replace.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable loaded.term for this line'));

    const changed = server.diagnostics(URI, (p) => p.version === 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: dictator.range, text: 'president' }],
    });
    const second = await changed;
    assert.deepEqual(
      second.diagnostics.filter((d) => d.code === 'loaded.term').map((d) => d.range.start),
      [{ line: 0, character: 4 }],
    );

    const closed = server.diagnostics(URI, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: URI } });
    await closed;

    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await server.exited, 0);
  });
});
