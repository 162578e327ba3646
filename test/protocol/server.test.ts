import * as assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DiagnosticTag,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { FactBaseTree } from '../../server/src/features/factBaseView';
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

describe('language server: a draft with more problems than claimlint.maxProblems', function () {
  this.timeout(30000);
  const uri = 'file:///tmp/claimlint-protocol/long.md';
  /** Twenty paragraphs, each with one loaded term, on lines 0, 2, …, 38. */
  const text = Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1}: the narco-terrorist group met.`).join('\n\n') + '\n';
  const termAt = (line: number) => ({ line, character: `Paragraph ${line / 2 + 1}: the `.length });
  let server: ServerSession;

  before(async () => {
    server = await startServer(undefined, { debounceMs: 0, maxProblems: 5 });
  });

  after(async () => {
    await server.connection.sendRequest(ShutdownRequest.type);
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await server.exited, 0);
  });

  const hoverAt = (line: number) =>
    server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { ...termAt(line), character: termAt(line).character + 2 },
    }) as Promise<Hover | null>;

  it('gives a fact finding its source passage as related information, in the read-only article window', async () => {
    const factsUri = 'file:///tmp/claimlint-protocol/facts.md';
    const opened = server.diagnostics(factsUri);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: factsUri,
        languageId: 'markdown',
        version: 1,
        text: 'Iran has deployed 200,000 Shiite fighters to Syria and Iraq.\n',
      },
    });
    const contradiction = (await opened).diagnostics.find((d) => d.code === 'fact.contradiction');
    assert.ok(contradiction, 'no fact.contradiction on "200,000"');
    const [row] = contradiction.relatedInformation ?? [];
    assert.ok(row, 'no related information');
    assert.match(row.location.uri, /^claimlint-source:\/.+\.txt\?seed=000_/);
    assert.match(decodeURIComponent(row.location.uri), /Breitbart News\.txt/);
    assert.match(row.message, /^Breitbart News, 2017-11-22: \u201C.*140,000/);
    assert.ok(row.location.range.end.line >= row.location.range.start.line);
  });

  it('tags an intensifier unnecessary (the editor fades it) and leaves labels untagged', async () => {
    const uri = 'file:///tmp/claimlint-protocol/tags.md';
    const opened = server.diagnostics(uri);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: 'The plan was utterly unworkable, and the regime knew it.\n' },
    });
    const loaded = (await opened).diagnostics.filter((d) => d.code === 'loaded.term');
    assert.deepEqual(
      loaded.map((d) => [d.range.start.character, d.tags]),
      [
        [13, [DiagnosticTag.Unnecessary]],
        [41, undefined],
      ],
    );
  });

  it('sends the fact base view: facts by source article in plain words, names under every spelling, the drafts that cite or contradict each', async () => {
    const draftUri = 'file:///tmp/claimlint-protocol/view.md';
    const text =
      'Putin met Khamenei in Tehran.\n\nIran has deployed 200,000 Shiite fighters to Syria and Iraq.\n\nIran deployed up to 140,000 Shiite forces to Iraq and Syria, the report said.\n';
    const opened = server.diagnostics(draftUri);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text },
    });
    await opened;
    const tree = (await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'claimlint.server.factBaseTree',
      arguments: [draftUri],
    })) as FactBaseTree;
    assert.equal(tree.sources.length, 3);
    assert.ok(
      tree.sources.every((s) => s.facts.length > 0 && /, \d{4}-\d{2}-\d{2}/.test(s.detail)),
      JSON.stringify(tree.sources.map((s) => s.detail)),
    );
    const facts = tree.sources.flatMap((s) => s.facts);
    // a search for another spelling finds the fact: the names it carries include the aliases
    const hmeymim = facts.filter((f) => f.names.includes('Hmeimim'));
    assert.ok(
      hmeymim.some((f) => /Hmeymim/.test(f.statement)),
      JSON.stringify(hmeymim.map((f) => f.statement)),
    );
    // values in plain words, never ids or schema terms
    const deployed = facts.find((f) => f.id === 'iran-deployed-up-to-140000');
    assert.ok(deployed);
    assert.ok(deployed.values.includes('up to 140,000 Shiite forces'), JSON.stringify(deployed.values));
    assert.ok(
      !facts.some((f) => f.values.some((v) => /positive|negative|venue|legitimacy /.test(v))),
      JSON.stringify(facts.flatMap((f) => f.values)),
    );
    assert.deepEqual('seed' in deployed.open && deployed.open.seed, '000_f7105e6547317780.txt');
    // the draft contradicts it on line 3 and cites it on line 5 (other open drafts have their own rows)
    assert.deepEqual(
      deployed.drafts.filter((d) => d.uri === draftUri).map((d) => [d.relation, d.uri, d.start.line]),
      [
        ['contradicts', draftUri, 2],
        ['cites', draftUri, 4],
      ],
    );
    assert.match(deployed.drafts.find((d) => d.uri === draftUri)?.text ?? '', /^"200,000": the source says up to 140,000/);
    assert.ok(
      tree.people.some((p) => p.name === 'Sergei Lavrov' && p.roles.some((r) => /^Foreign minister of Russia/.test(r))),
      JSON.stringify(tree.people.slice(0, 3)),
    );
  });

  it('publishes the problems nearest the start, then nearest the last edit, and says how many it left out', async () => {
    const opened = server.diagnostics(uri, (p) => p.version === 1);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const first = (await opened).diagnostics;
    assert.equal(first.length, 5);
    assert.deepEqual(
      first.slice(0, 4).map((d) => [d.code, d.range.start.line]),
      [0, 2, 4, 6].map((line) => ['loaded.term', line]),
    );
    const notice = first[4];
    assert.equal(notice.code, 'claimlint.maxProblems');
    assert.match(notice.message as string, /shows the 4 problems nearest the start of the draft.*16 more in this draft are not shown/);
    assert.ok(await hoverAt(6), 'a shown problem has a hover card');
    assert.equal(await hoverAt(38), null, 'a problem left out has no hover card');

    // type a letter in the last paragraph
    const edited = server.diagnostics(uri, (p) => p.version === 2);
    const end = { line: 38, character: 12 };
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: end, end }, text: 'x' }],
    });
    const second = (await edited).diagnostics;
    assert.deepEqual(
      second.slice(0, 4).map((d) => d.range.start.line),
      [32, 34, 36, 38],
    );
    assert.match(second[4].message as string, /shows the 4 problems nearest your last edit; 16 more/);
    assert.ok(await hoverAt(38));
    assert.equal(await hoverAt(0), null);
  });
});
