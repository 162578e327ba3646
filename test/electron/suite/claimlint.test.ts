/**
 * ClaimLint inside a real extension host: diagnostics per rule family (the table shared with the
 * code-server suite), hover cards, quick fixes and lint-as-you-type, through the VS Code API only.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import expectations from '../../e2e/families.json';
import { foldText, hoverText, openDraft, phraseRange, ruleOf, SEVERITY, waitForDiagnostics, workspaceUri } from './helpers';

interface FamilyCheck {
  rule: string;
  file: string;
  phrase: string;
  context?: string;
  severity: string;
}

const EXTENSION_ID = 'claimlint.claimlint';
const FIRST_LINT_MS = 60_000;
const LINT_MS = 20_000;

function overlaps(diagnostic: vscode.Diagnostic, range: vscode.Range): boolean {
  const common = diagnostic.range.intersection(range);
  return common !== undefined && !common.isEmpty;
}

/** Title, outlet and passage of the installed fact whose source passage contains `needle`. */
function factSource(needle: string): { title: string; outlet: string; passage: string } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const seeds = path.join(extension.extensionPath, 'seeds');
  const factsDir = path.join(seeds, 'facts');
  for (const file of fs.readdirSync(factsDir).filter((f) => /\.ya?ml$/.test(f))) {
    const data = YAML.parse(fs.readFileSync(path.join(factsDir, file), 'utf8')) as {
      facts?: { source?: { seed?: string; passage?: string } }[];
    };
    for (const fact of data?.facts ?? []) {
      const passage = fact.source?.passage;
      if (typeof passage !== 'string' || !passage.includes(needle)) continue;
      const metadata = YAML.parse(fs.readFileSync(path.join(seeds, 'metadata.yaml'), 'utf8')) as {
        articles?: { file: string; title: string; outlet: string }[];
      };
      const article = metadata.articles?.find((a) => a.file === fact.source?.seed);
      assert.ok(article, `seeds/metadata.yaml has no article ${fact.source?.seed}`);
      return { title: article.title, outlet: article.outlet, passage };
    }
  }
  throw new Error(`no installed fact has a source passage containing "${needle}"`);
}

async function revertActiveEditor(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('ClaimLint in the VS Code extension host', () => {
  before(async () => {
    const editor = await openDraft('sample-draft.md');
    await waitForDiagnostics(
      editor.document.uri,
      (d) => d.length > 0,
      'the first ClaimLint diagnostics (activation and server start)',
      FIRST_LINT_MS,
    );
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is not active');
  });

  describe('diagnostics per rule family', () => {
    for (const check of expectations.checks as FamilyCheck[]) {
      it(`${check.rule} (${check.severity}) on "${check.phrase}" in ${check.file}`, async () => {
        const editor = await openDraft(check.file);
        const range = phraseRange(editor.document, check.phrase, check.context);
        await waitForDiagnostics(
          editor.document.uri,
          (all) => all.some((d) => ruleOf(d) === check.rule && d.severity === SEVERITY[check.severity] && overlaps(d, range)),
          `a ${check.severity} ${check.rule} diagnostic on "${check.phrase}"`,
          LINT_MS,
        );
      });
    }
  });

  describe('hover', () => {
    it('a loaded term shows the rule, the reason and an alternative', async () => {
      const editor = await openDraft('sample-draft.md');
      const range = phraseRange(editor.document, 'dictator', 'Syrian dictator Bashar');
      await waitForDiagnostics(
        editor.document.uri,
        (all) => all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, range)),
        'loaded.term on "dictator"',
        LINT_MS,
      );
      const text = await hoverText(editor.document.uri, range.start.translate(0, 2));
      for (const part of ['loaded.term', 'Why:', 'president'])
        assert.ok(text.includes(part), `hover lacks "${part}": ${text.slice(0, 300)}`);
    });

    it('a fact contradiction shows the source title, outlet and verbatim passage', async () => {
      const editor = await openDraft('sample-draft.md');
      const range = phraseRange(editor.document, '200,000', 'Iran deployed 200,000 Shiite fighters');
      await waitForDiagnostics(
        editor.document.uri,
        (all) => all.some((d) => ruleOf(d) === 'fact.contradiction' && overlaps(d, range)),
        'fact.contradiction on "200,000"',
        LINT_MS,
      );
      const source = factSource('140,000');
      const text = await hoverText(editor.document.uri, range.start.translate(0, 2));
      for (const part of ['fact.contradiction', source.title, source.outlet, source.passage]) {
        assert.ok(text.includes(foldText(part)), `hover lacks "${part}": ${text.slice(0, 300)}`);
      }
    });
  });

  describe('quick fixes', () => {
    afterEach(revertActiveEditor);

    it('"Replace with "president"" replaces a loaded term and its diagnostic goes', async () => {
      const editor = await openDraft('loaded-terms.md');
      const { uri } = editor.document;
      const range = phraseRange(editor.document, 'dictator', 'The Syrian dictator received');
      await waitForDiagnostics(
        uri,
        (all) => all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, range)),
        'loaded.term on "dictator"',
        LINT_MS,
      );
      const actions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ??
        [];
      const titles = actions.map((a) => a.title);
      const fix = actions.find((a): a is vscode.CodeAction => a.title === 'Replace with "president"' && 'edit' in a);
      assert.ok(fix?.edit, `no "Replace with "president"" code action; got: ${titles.join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
      assert.ok(editor.document.getText().includes('The Syrian president received'), 'the text did not change');
      const replaced = phraseRange(editor.document, 'president', 'The Syrian president received');
      await waitForDiagnostics(
        uri,
        (all) => !all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, replaced)),
        'the loaded.term diagnostic to go',
        LINT_MS,
      );
    });
  });

  describe('workspace configuration', () => {
    const configUri = (): vscode.Uri => workspaceUri('.claimlint.yaml');
    afterEach(async () => {
      await revertActiveEditor();
      await vscode.workspace.fs.delete(configUri()).then(undefined, () => undefined);
    });

    it('the allow-list quick fix writes and saves .claimlint.yaml; deleting the file brings the finding back', async () => {
      const editor = await openDraft('loaded-terms.md');
      const { uri } = editor.document;
      const range = phraseRange(editor.document, 'Thugs', 'Thugs broke up');
      const onThugs = (all: vscode.Diagnostic[]): boolean => all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, range));
      await waitForDiagnostics(uri, onThugs, 'loaded.term on "Thugs"', LINT_MS);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
      const allow = actions.find((a) => /allow-list/.test(a.title));
      assert.ok(
        allow?.edit && allow.command,
        `no allow-list action with an edit and a command; got: ${actions.map((a) => a.title).join(' | ')}`,
      );
      // what the editor does when the user picks it: the edit, then the command
      assert.ok(await vscode.workspace.applyEdit(allow.edit), 'workspace.applyEdit refused the allow-list edit');
      await vscode.commands.executeCommand(allow.command.command, ...(allow.command.arguments ?? []));
      const config = await vscode.workspace.openTextDocument(configUri());
      assert.equal(config.isDirty, false, 'the allow-list edit was left unsaved');
      assert.match(fs.readFileSync(configUri().fsPath, 'utf8'), /^allow:\n {2}- thug\n$/);
      await waitForDiagnostics(uri, (all) => !onThugs(all), 'the "Thugs" finding to go once allowed', LINT_MS);
      // the file's tab stays open after a delete; the allow-list must stop applying all the same
      await vscode.workspace.fs.delete(configUri());
      await waitForDiagnostics(uri, onThugs, 'the "Thugs" finding back after .claimlint.yaml is deleted', LINT_MS);
    });

    it("a .claimlint.yaml with a syntax error is said once on the draft's first line, and the notice goes when the file does", async () => {
      const editor = await openDraft('loaded-terms.md');
      const { uri } = editor.document;
      await vscode.workspace.fs.writeFile(configUri(), new TextEncoder().encode('allow: [thugs\n'));
      const notices = (all: vscode.Diagnostic[]) => all.filter((d) => ruleOf(d) === 'config.invalid');
      const withNotice = await waitForDiagnostics(
        uri,
        (all) => notices(all).length === 1,
        'one configuration notice on the draft',
        LINT_MS,
      );
      const [notice] = notices(withNotice);
      assert.equal(notice.range.start.line, 0);
      assert.match(notice.message, /configuration has a problem \(\.claimlint\.yaml\).*YAML syntax/);
      assert.equal(notice.relatedInformation?.[0]?.location.uri.toString(), configUri().toString());
      await vscode.workspace.fs.delete(configUri());
      await waitForDiagnostics(uri, (all) => notices(all).length === 0, 'the configuration notice to go', LINT_MS);
    });
  });

  describe('lint as you type', () => {
    afterEach(revertActiveEditor);

    it('replacing "regime" by "government" removes its diagnostic', async () => {
      const editor = await openDraft('plain-draft.txt');
      const { uri } = editor.document;
      const range = phraseRange(editor.document, 'regime', 'The regime sent');
      const before = await waitForDiagnostics(
        uri,
        (all) => all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, range)),
        'loaded.term on "regime"',
        LINT_MS,
      );
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, 'government');
      assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the edit');
      const loadedBefore = before.filter((d) => ruleOf(d) === 'loaded.term').length;
      const after = await waitForDiagnostics(
        uri,
        (all) => all.filter((d) => ruleOf(d) === 'loaded.term').length === loadedBefore - 1,
        `one loaded.term diagnostic fewer than ${loadedBefore}`,
        LINT_MS,
      );
      const replaced = phraseRange(editor.document, 'government', 'The government sent');
      assert.ok(!after.some((d) => overlaps(d, replaced)), 'a diagnostic is still on the replaced word');
    });
  });

  describe('claimlint.maxProblems', () => {
    const setLimit = (value: number | undefined) =>
      vscode.workspace.getConfiguration('claimlint').update('maxProblems', value, vscode.ConfigurationTarget.Global);
    afterEach(() => setLimit(undefined));

    it('a setting of 3 shows the 2 problems nearest the start and a notice of the rest', async () => {
      const editor = await openDraft('sample-draft.md');
      const { uri } = editor.document;
      const all = await waitForDiagnostics(uri, (d) => d.length > 3, 'more than 3 ClaimLint diagnostics', LINT_MS);
      await setLimit(3);
      const limited = await waitForDiagnostics(uri, (d) => d.length === 3, 'exactly 3 ClaimLint diagnostics', LINT_MS);
      const notice = limited.find((d) => ruleOf(d) === 'claimlint.maxProblems');
      assert.ok(notice, 'no claimlint.maxProblems notice');
      assert.match(
        notice.message,
        new RegExp(`shows the 2 problems nearest the start of the draft .*; ${all.length - 2} more in this draft are not shown`),
      );
      const firstTwo = [...all].sort((a, b) => a.range.start.compareTo(b.range.start)).slice(0, 2);
      assert.deepEqual(
        limited.filter((d) => d !== notice).map((d) => [ruleOf(d), d.range.start.line, d.range.start.character]),
        firstTwo.map((d) => [ruleOf(d), d.range.start.line, d.range.start.character]),
      );
      await setLimit(undefined);
      await waitForDiagnostics(uri, (d) => d.length === all.length, `all ${all.length} diagnostics again`, LINT_MS);
    });
  });

  describe('crash recovery', () => {
    afterEach(revertActiveEditor);

    it('restarts a killed language server and lints the next edit', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
      const serverScript = path.join(extension.extensionPath, 'dist', 'server.js');
      const pids = execFileSync('pgrep', ['-f', serverScript], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number);
      assert.ok(pids.length > 0, `no process runs ${serverScript}`);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      const editor = await openDraft('plain-draft.txt');
      const { uri } = editor.document;
      const end = editor.document.positionAt(editor.document.getText().length);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, end, '\n\nThe thugs fled.\n');
      assert.ok(await vscode.workspace.applyEdit(edit), 'workspace.applyEdit refused the edit');
      const added = phraseRange(editor.document, 'thugs', 'The thugs fled');
      await waitForDiagnostics(
        uri,
        (all) => all.some((d) => ruleOf(d) === 'loaded.term' && overlaps(d, added)),
        'a loaded.term diagnostic on the new "thugs" from a restarted server',
        60_000,
      );
      const restarted = execFileSync('pgrep', ['-f', serverScript], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean).map(Number);
      assert.ok(
        restarted.some((pid) => !pids.includes(pid)),
        'no new server process',
      );
    });
  });
});
