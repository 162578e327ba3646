/**
 * Robustness of the real language server (`dist/server.js --stdio`; run `npm run build` first): no state
 * left behind by open/close cycles, superseded lints never published, broken configuration reported in
 * place while drafts keep their findings, and no user file ever written. Tests wait on protocol events
 * (responses, notifications), never on sleeps.
 */
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import type { ServerSession } from '../helpers/lspClient';
import { startServer } from '../helpers/lspClient';
import { ROOT } from '../helpers/knowledge';

const SEED_TEXTS = fs
  .readdirSync(path.join(ROOT, 'seeds'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => fs.readFileSync(path.join(ROOT, 'seeds', n), 'utf8'));

const uriOf = (file: string): string => pathToFileURL(file).toString();

/** A diagnostic's message as text (LSP 3.18 also allows Markup). */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** Resident set size of a process in bytes, from /proc. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  assert.ok(kb, 'VmRSS not found');
  return Number(kb[1]) * 1024;
}

/** Records every publishDiagnostics for `uri` (a waiter that never accepts stays registered). */
function recordPublishes(server: ServerSession, uri: string): { at: number; params: PublishDiagnosticsParams }[] {
  const log: { at: number; params: PublishDiagnosticsParams }[] = [];
  let order = 0;
  void server.diagnostics(uri, (params) => {
    log.push({ at: order++, params });
    return false;
  });
  return log;
}

/**
 * Rejects with the server's own words when it logs an error about `needle`, so a test fails at once with
 * the reason instead of waiting for a publish that will never come.
 */
function serverErrorAbout(server: ServerSession, needle: string): Promise<never> {
  return new Promise((_, reject) => {
    server.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1 && params.message.includes(needle))
        reject(new Error(`server error: ${params.message.split('\n').slice(0, 4).join(' | ')}`));
    });
  });
}

async function shutDown(server: ServerSession): Promise<void> {
  if (server.process.exitCode !== null) return;
  await server.connection.sendRequest(ShutdownRequest.type);
  await server.connection.sendNotification(ExitNotification.type);
  assert.equal(await server.exited, 0);
}

describe('language server robustness', function () {
  this.timeout(300000);

  describe('open/close cycles', () => {
    let server: ServerSession;
    before(async () => {
      // With no explicit heap limit V8 sizes the heap from the machine's memory and lets it grow lazily by
      // tens of MB while garbage accumulates, which would drown a leak in noise. A fixed limit (a common
      // production setting) makes it collect instead, so RSS follows what the server really retains: a
      // leaked per-draft state (~110 KB for this draft) would add ~100 MB over 900 cycles.
      const saved = process.env.NODE_OPTIONS;
      process.env.NODE_OPTIONS = [saved, '--max-old-space-size=256'].filter(Boolean).join(' ');
      try {
        server = await startServer(ROOT, { debounceMs: 0 });
      } finally {
        if (saved === undefined) delete process.env.NODE_OPTIONS;
        else process.env.NODE_OPTIONS = saved;
      }
    });
    after(async () => {
      await shutDown(server);
    });

    it('1,000 open/close cycles leave no state behind: the server answers and its memory stays flat', async () => {
      const text = SEED_TEXTS[2].slice(0, 2500) + '\n\nPutin congratulated the Syrian dictator on Tuesday.\n';
      const cycle = async (i: number): Promise<void> => {
        // A new URI every time: per-document state that is never dropped would pile up.
        const uri = `file:///tmp/claimlint-cycles/draft-${i}.md`;
        const opened = server.diagnostics(uri, (p) => p.version === 1);
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'markdown', version: 1, text },
        });
        const published = await opened;
        assert.ok(
          published.diagnostics.some((d) => d.code === 'loaded.term'),
          `cycle ${i}: no findings`,
        );
        const cleared = server.diagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
        await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        await cleared;
      };
      const started = Date.now();
      for (let i = 0; i < 100; i++) await cycle(i);
      const after100 = rssOf(server.process.pid!);
      for (let i = 100; i < 1000; i++) await cycle(i);
      const after1000 = rssOf(server.process.pid!);
      const growth = after1000 - after100;
      if (process.env.CLAIMLINT_TIMINGS) {
        console.log(
          `      1000 cycles in ${Date.now() - started} ms; RSS after 100: ${(after100 / 2 ** 20).toFixed(1)} MB, after 1000: ${(after1000 / 2 ** 20).toFixed(1)} MB`,
        );
      }
      assert.ok(growth < 30 * 2 ** 20, `RSS grew by ${(growth / 2 ** 20).toFixed(1)} MB over 900 cycles`);

      // Closed documents have no state: no hover, no code actions.
      const closedUri = 'file:///tmp/claimlint-cycles/draft-999.md';
      assert.equal(
        await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: closedUri }, position: { line: 0, character: 0 } }),
        null,
      );
      assert.deepEqual(
        await server.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: closedUri },
          range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
          context: { diagnostics: [] },
        }),
        [],
      );
      // And it still lints.
      await cycle(1000);
    });
  });

  describe('superseded work', () => {
    let server: ServerSession;
    before(async () => {
      server = await startServer(ROOT, { debounceMs: 0 });
    });
    after(async () => {
      await shutDown(server);
    });

    /** A ~1 MB draft whose every paragraph differs between versions, so no cached chunk can be reused. */
    const draftVersion = (version: number, final = false): string => {
      const paragraphs: string[] = [];
      let length = 0;
      for (let i = 0; length < 1024 * 1024; i++) {
        const paragraph = `Draft ${version}.${i}: ${SEED_TEXTS[i % SEED_TEXTS.length].split(/\n\s*\n/)[i % 7] ?? ''}`;
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
      return (final ? 'The narco-terrorist group met.\n\n' : 'The armed group met.\n\n') + paragraphs.join('\n\n') + '\n';
    };

    it('publishes the final version of a burst of edits to a 1 MB draft, never a superseded one, and abandons superseded lints', async () => {
      const uri = 'file:///tmp/claimlint-superseded/big.md';
      const publishes = recordPublishes(server, uri);
      const failed = serverErrorAbout(server, uri);

      const opened = server.diagnostics(uri, (p) => p.version === 1);
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: draftVersion(1) },
      });
      await Promise.race([opened, failed]);

      // One lint of a fresh 1 MB version, alone: the yardstick for the burst.
      const replaceAll = (version: number, text: string) =>
        server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ text }],
        });
      const single = server.diagnostics(uri, (p) => p.version === 2);
      const singleStarted = process.hrtime.bigint();
      await replaceAll(2, draftVersion(2));
      await Promise.race([single, failed]);
      const singleMs = Number(process.hrtime.bigint() - singleStarted) / 1e6;

      // A burst of versions 3..N, each followed by a fence request: when a fence's answer arrives, the
      // server has applied that version, so any later publish of an older version would be stale.
      const N = 14;
      const texts = new Map<number, string>();
      for (let v = 3; v <= N; v++) texts.set(v, draftVersion(v, v === N));
      const fenceAnsweredAt = new Map<number, number>();
      const finalPublished = server.diagnostics(uri, (p) => p.version === N);
      const burstStarted = process.hrtime.bigint();
      const fences: Promise<unknown>[] = [];
      for (let v = 3; v <= N; v++) {
        void replaceAll(v, texts.get(v)!);
        fences.push(
          server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } }).then(() => {
            fenceAnsweredAt.set(v, publishes.length);
          }),
        );
      }
      await Promise.all(fences);
      const final = await Promise.race([finalPublished, failed]);
      const burstMs = Number(process.hrtime.bigint() - burstStarted) / 1e6;

      // The final publish describes the final text.
      assert.ok(
        final.diagnostics.some((d: Diagnostic) => d.code === 'loaded.term' && d.range.start.line === 0 && d.range.start.character === 4),
        'the final version\u2019s own finding is missing',
      );
      // Versions are published in increasing order: never an older one after a newer one.
      const versions = publishes.map((p) => p.params.version);
      for (let i = 1; i < versions.length; i++)
        assert.ok((versions[i] ?? 0) > (versions[i - 1] ?? 0), `published versions out of order: ${versions.join(', ')}`);
      // No version was published after the server had applied a newer one.
      for (const { at, params } of publishes) {
        const v = params.version ?? 0;
        const newerApplied = fenceAnsweredAt.get(v + 1);
        assert.ok(
          newerApplied === undefined || at < newerApplied,
          `version ${v} published after version ${v + 1} was applied (published versions: ${versions.join(', ')})`,
        );
      }
      // Superseded lints are abandoned, not run to the end: the whole burst costs far less than linting
      // every version (a generous factor keeps this independent of machine speed).
      const burstVersions = N - 2;
      if (process.env.CLAIMLINT_TIMINGS) {
        console.log(
          `      one 1 MB lint: ${singleMs.toFixed(0)} ms; burst of ${burstVersions}: ${burstMs.toFixed(0)} ms; published versions: ${versions.join(', ')}`,
        );
      }
      assert.ok(burstMs < (burstVersions * singleMs) / 3, `burst took ${burstMs.toFixed(0)} ms; one lint ${singleMs.toFixed(0)} ms`);
      assert.ok(
        versions.filter((v) => v !== undefined && v > 2 && v < N).length <= 2,
        `intermediate versions published: ${versions.join(', ')}`,
      );
    });
  });

  describe('workspace folders on disk', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'claimlint-ws-')));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const DRAFT = 'Putin congratulated the Syrian dictator on Tuesday.\n\nIran has deployed 200,000 Shiite fighters to Iraq and Syria.\n';

    async function expectUsualFindings(server: ServerSession, draftUri: string): Promise<Diagnostic[]> {
      const published = server.diagnostics(draftUri, (p) => p.version === 1);
      const failed = serverErrorAbout(server, draftUri);
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT },
      });
      const { diagnostics } = await Promise.race([published, failed]);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('loaded.term') && codes.includes('fact.contradiction'), `draft findings: ${codes.join(', ')}`);
      return diagnostics;
    }

    it('publishes problems of a broken .claimlint.yaml at their place while drafts keep their findings', async () => {
      const configFile = path.join(dir, '.claimlint.yaml');
      fs.writeFileSync(configFile, '# team settings\nsensitivity: strict\nrules:\n  loaded.term: loud\nallow: dictator\n');
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        const configProblems = server.diagnostics(uriOf(configFile), (p) => p.diagnostics.length > 0);
        await expectUsualFindings(server, uriOf(path.join(dir, 'drafts', 'story.md')));
        const { diagnostics } = await configProblems;
        const byLine = diagnostics.map(
          (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${messageOf(d)}`,
        );
        assert.ok(
          byLine.some((l) => /^3:15-3:19 rules\.loaded\.term: should be one of/.test(l)),
          byLine.join('\n'),
        );
        assert.ok(
          byLine.some((l) => /^4:7-4:15 allow: should be a list$/.test(l)),
          byLine.join('\n'),
        );
        assert.ok(diagnostics.every((d) => d.source === 'claimlint' && d.severity !== undefined));
      } finally {
        await shutDown(server);
      }
    });

    it('publishes a YAML syntax error in .claimlint.yaml and still lints drafts with the defaults', async () => {
      const configFile = path.join(dir, '.claimlint.yaml');
      fs.writeFileSync(configFile, 'rules: [\n');
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        const configProblems = server.diagnostics(uriOf(configFile), (p) => p.diagnostics.length > 0);
        await expectUsualFindings(server, uriOf(path.join(dir, 'story.md')));
        const { diagnostics } = await configProblems;
        assert.ok(
          diagnostics.some((d) => /^YAML syntax: /.test(messageOf(d)) && d.range.start.line >= 0),
          JSON.stringify(diagnostics),
        );
      } finally {
        await shutDown(server);
      }
    });

    it("says once, on the draft's first line, that its .claimlint.yaml could not be read, with the problem as a child row; fixing the file clears it", async () => {
      const configFile = path.join(dir, '.claimlint.yaml');
      fs.writeFileSync(configFile, 'allow: [dictator\n');
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        const draftUri = uriOf(path.join(dir, 'story.md'));
        const diagnostics = await expectUsualFindings(server, draftUri);
        const notices = diagnostics.filter((d) => d.code === 'config.invalid');
        assert.equal(notices.length, 1, JSON.stringify(diagnostics));
        const [notice] = notices;
        assert.deepEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: DRAFT.indexOf('\n') } });
        assert.match(
          messageOf(notice),
          /^ClaimLint's configuration has a problem \(\.claimlint\.yaml\), so this draft is checked without what could not be read\. \.claimlint\.yaml line \d+: YAML syntax: /,
        );
        assert.equal(notice.relatedInformation?.[0].location.uri, uriOf(configFile));
        // the allow-list never applied: "dictator" is still flagged
        assert.ok(diagnostics.some((d) => d.code === 'loaded.term' && /dictator/.test(messageOf(d))));

        fs.writeFileSync(configFile, 'allow: [dictator]\n');
        const relinted = server.diagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === 'config.invalid'));
        await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [{ uri: uriOf(configFile), type: FileChangeType.Changed }],
        });
        const { diagnostics: after } = await relinted;
        assert.ok(!after.some((d) => d.code === 'loaded.term' && /dictator/.test(messageOf(d))), JSON.stringify(after));
      } finally {
        await shutDown(server);
      }
    });

    it('reads the source documents .claimlint.yaml names in the background, then relints: a misquote shows its document; sources are not linted; an edited source is read again', async () => {
      fs.mkdirSync(path.join(dir, 'sources'));
      const release = path.join(dir, 'sources', 'release.md');
      const releaseText =
        '---\ntitle: Harbour dredging to resume\noutlet: Eastmere Harbour Council\ndate: 2026-03-12\n---\n\n\u201CWe will not let the harbour silt up again, whatever it costs,\u201D said Council Leader Aisha Brennan.\n';
      fs.writeFileSync(release, releaseText);
      fs.writeFileSync(path.join(dir, '.claimlint.yaml'), 'sources: [sources]\n');
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        const draftUri = uriOf(path.join(dir, 'story.md'));
        const misquoted = server.diagnostics(draftUri, (p) => p.diagnostics.some((d) => d.code === 'fact.misquote'));
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {
            uri: draftUri,
            languageId: 'markdown',
            version: 1,
            text: '\u201CWe cannot let the harbour silt up again, whatever it costs,\u201D said Council Leader Aisha Brennan.\n',
          },
        });
        const { diagnostics } = await misquoted;
        const misquote = diagnostics.find((d) => d.code === 'fact.misquote');
        assert.ok(misquote);
        assert.equal(misquote.severity, 2, 'a finding against an extracted fact is a warning');
        assert.equal(misquote.relatedInformation?.[0].location.uri, uriOf(release));
        const hover = (await server.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri: draftUri },
          position: misquote.range.start,
        })) as { contents: { value: string } };
        assert.match(hover.contents.value, /Harbour dredging to resume\* — Eastmere Harbour Council, 2026-03-12/);
        assert.ok(
          hover.contents.value.includes(encodeURIComponent(JSON.stringify(release)).slice(3, 30)),
          'the hover link does not open the source document',
        );

        // the source document itself is not a draft, for Lint Workspace either
        const workspace = (await server.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'claimlint.server.lintWorkspace',
          arguments: [],
        })) as { files: number };
        assert.equal(workspace.files, 0);
        const sourceDiagnostics = server.diagnostics(uriOf(release));
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri: uriOf(release), languageId: 'markdown', version: 1, text: releaseText },
        });
        assert.deepEqual((await sourceDiagnostics).diagnostics, []);

        // the reporter corrects the source: the draft's words now agree with it
        const agreed = server.diagnostics(draftUri, (p) => !p.diagnostics.some((d) => d.code === 'fact.misquote'));
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: uriOf(release), version: 2 },
          contentChanges: [{ text: releaseText.replace('will not', 'cannot') }],
        });
        await agreed;
      } finally {
        await shutDown(server);
      }
    });

    it('stops applying an open .claimlint.yaml once the file is deleted (the editor keeps its tab open)', async () => {
      const configFile = path.join(dir, '.claimlint.yaml');
      const configText = 'allow: [dictator]\n';
      fs.writeFileSync(configFile, configText);
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri: uriOf(configFile), languageId: 'yaml', version: 1, text: configText },
        });
        const draftUri = uriOf(path.join(dir, 'story.md'));
        const published = server.diagnostics(draftUri, (p) => p.version === 1);
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT },
        });
        const { diagnostics } = await published;
        assert.ok(
          diagnostics.some((d) => d.code === 'fact.contradiction'),
          JSON.stringify(diagnostics),
        );
        assert.ok(!diagnostics.some((d) => d.code === 'loaded.term' && /dictator/.test(messageOf(d))), JSON.stringify(diagnostics));

        fs.rmSync(configFile);
        const relinted = server.diagnostics(draftUri, (p) =>
          p.diagnostics.some((d) => d.code === 'loaded.term' && /dictator/.test(messageOf(d))),
        );
        await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [{ uri: uriOf(configFile), type: FileChangeType.Deleted }],
        });
        await relinted;
      } finally {
        await shutDown(server);
      }
    });

    it('keeps linting drafts when .claimlint.yaml uses many YAML aliases', async () => {
      fs.writeFileSync(path.join(dir, '.claimlint.yaml'), `level: &level warning\nallow: [${Array(100).fill('*level').join(', ')}]\n`);
      const server = await startServer(dir, { debounceMs: 0 });
      try {
        await expectUsualFindings(server, uriOf(path.join(dir, 'story.md')));
      } finally {
        await shutDown(server);
      }
    });

    /** Every file and folder under `root` with its size, mode, mtime and content hash. */
    function snapshot(root: string): Record<string, string> {
      const entries: Record<string, string> = {};
      const walk = (d: string): void => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, entry.name);
          const stat = fs.lstatSync(full);
          const rel = path.relative(root, full);
          if (entry.isDirectory()) {
            entries[rel + '/'] = `dir mode=${stat.mode.toString(8)}`;
            walk(full);
          } else {
            const hash = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
            entries[rel] = `size=${stat.size} mode=${stat.mode.toString(8)} mtime=${stat.mtimeMs} sha256=${hash}`;
          }
        }
      };
      walk(root);
      return entries;
    }

    it('never writes a user file: open drafts, hovers, code actions, allow-list command and workspace lint leave the folder byte-identical', async () => {
      const write = (rel: string, content: string | Buffer): string => {
        const full = path.join(dir, rel);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
        return full;
      };
      write('.claimlint.yaml', '# team settings\nsensitivity: standard\nlexicons: [team.lexicon.yaml]\nfactBases: [data]\nallow: []\n');
      write(
        'team.lexicon.yaml',
        'entries:\n  - id: zorblatt\n    term: zorblatt\n    category: editorialising\n    why: A made-up loaded word.\n    alternatives: [plain word]\n    examples: {flagged: [The zorblatt spread.], neutral: [Nothing.]}\n',
      );
      write(
        'data/team.facts.yaml',
        'facts:\n  - id: team-fact\n    statement: A team fact.\n    source: {seed: notes, passage: The desk wrote it., attribution: desk}\n    colour: red\n',
      );
      const story = write('drafts/story.md', DRAFT + '\nThe zorblatt spread quickly.\n');
      const notes = write('drafts/notes.txt', 'Officials said the talks had failed. The regime fell.\n');
      write('drafts/closed.md', '# Closed draft\n\nThe narco-terrorist group met. \u{1F600}\n');
      write('drafts/deep/nested/old.markdown', 'It was the deadliest week of the war.\n');
      write('drafts/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
      write('drafts/latin1.txt', Buffer.from([0x54, 0x68, 0xe9, 0x20, 0x72, 0xe9, 0x67, 0x69, 0x6d, 0x65]));
      write('node_modules/pkg/readme.md', 'The dictator spoke.\n');
      const before = snapshot(dir);

      const server = await startServer(dir, { debounceMs: 0 });
      const applyEditRequests: unknown[] = [];
      server.connection.onRequest('workspace/applyEdit', (params: unknown) => {
        applyEditRequests.push(params);
        return { applied: false, failureReason: 'the test client applies nothing' };
      });
      try {
        const opened: { uri: string; text: string; diagnostics: Diagnostic[] }[] = [];
        for (const [file, languageId] of [
          [story, 'markdown'],
          [notes, 'plaintext'],
        ] as const) {
          const uri = uriOf(file);
          const text = fs.readFileSync(file, 'utf8');
          const published = server.diagnostics(uri, (p) => p.version === 1);
          await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId, version: 1, text },
          });
          const { diagnostics } = await Promise.race([published, serverErrorAbout(server, uri)]);
          assert.ok(diagnostics.length > 0, `${file}: no findings`);
          opened.push({ uri, text, diagnostics });
        }
        assert.ok(
          opened[0].diagnostics.some((d) => d.code === 'loaded.term' && messageOf(d).length > 0),
          'the team lexicon applies',
        );

        let actionCount = 0;
        let allowListActions = 0;
        // the team fact base's unknown key ("colour") is said once on each draft's first line
        for (const { diagnostics } of opened) assert.equal(diagnostics.filter((d) => d.code === 'config.invalid').length, 1);
        for (const { uri, diagnostics } of opened) {
          for (const diagnostic of diagnostics.filter((d) => d.code !== 'config.invalid')) {
            const hover = await server.connection.sendRequest(HoverRequest.type, {
              textDocument: { uri },
              position: diagnostic.range.start,
            });
            assert.ok(hover, `no hover at ${JSON.stringify(diagnostic.range.start)}`);
            const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
              textDocument: { uri },
              range: diagnostic.range,
              context: { diagnostics: [diagnostic] },
            })) as CodeAction[];
            actionCount += actions.length;
            allowListActions += actions.filter((a) => /allow-list/.test(a.title)).length;
          }
        }
        assert.ok(actionCount > 0 && allowListActions > 0, `${actionCount} actions, ${allowListActions} allow-list actions`);

        // The allow-list command asks the client to apply an edit; it must not write the file itself.
        const allowed = await server.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'claimlint.server.addToAllowList',
          arguments: [opened[0].uri, 'dictator'],
        });
        assert.deepEqual(allowed, { applied: false });
        assert.equal(applyEditRequests.length, 1);

        const workspaceLinted = server.diagnostics(uriOf(path.join(dir, 'drafts', 'deep', 'nested', 'old.markdown')));
        const summary = (await server.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'claimlint.server.lintWorkspace',
          arguments: [],
        })) as {
          files: number;
          skipped: { file: string; reason: string }[];
          cancelled: boolean;
        };
        await workspaceLinted;
        assert.equal(summary.cancelled, false);
        // the two drafts on disk, and the open drafts, counted with the findings the editor shows for them
        assert.equal(summary.files, 2 + opened.length, JSON.stringify(summary));
        assert.deepEqual(
          summary.skipped.map((s) => [path.relative(dir, s.file), s.reason]),
          [
            ['drafts/binary.md', 'binary file (contains NUL bytes), not a text draft'],
            ['drafts/latin1.txt', 'not valid UTF-8 text (first invalid byte on line 1); save it as UTF-8'],
          ],
        );

        for (const { uri } of opened)
          await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        await shutDown(server);
      } finally {
        if (server.process.exitCode === null) server.process.kill();
      }
      assert.deepEqual(snapshot(dir), before);
    });
  });
});
