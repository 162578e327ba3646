import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { FactBaseTree } from '../../server/src/features/factBaseView';
import type { WorkspaceLintSummary } from '../../server/src/protocol';
import { ALLOW_LIST_EDITED, SERVER_COMMANDS } from '../../server/src/protocol';
import { FactBaseView } from './factBaseView';
import { FACT_BASE_SCHEME, FactBaseDocument, SOURCE_SCHEME, SourceDocuments, sourceUri } from './virtualDocuments';

/** Arguments of "Open source passage" (hover link, fact base view): a seed article, or a team fact file. */
type PassageLocation =
  | {
      seed: string;
      offset: number;
      length: number;
      /** Headline and outlet, for the window's title. */
      title?: string;
      outlet?: string;
    }
  | { file: string; offset: number; length: number };

/** Opens the seed article read-only, titled by headline and outlet, with the passage selected. */
async function openSourcePassage(location: PassageLocation): Promise<void> {
  if (!location || typeof location.offset !== 'number' || typeof location.length !== 'number') return;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  let uri: vscode.Uri;
  if ('file' in location && typeof location.file === 'string') uri = vscode.Uri.file(location.file);
  else if ('seed' in location && typeof location.seed === 'string' && !/[\\/]/.test(location.seed))
    uri = sourceUri(location.seed, text(location.title), text(location.outlet));
  else return;
  const document = await vscode.workspace.openTextDocument(uri);
  const start = document.positionAt(location.offset);
  const end = document.positionAt(location.offset + location.length);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end), preview: true });
}

/**
 * Saves the `.claimlint.yaml` an allow-list edit changed (a workspace edit leaves it open and unsaved, to be
 * lost at the next "Don't Save") and says what was done, with a button to open it.
 */
async function allowListEdited(uri: string, term: string): Promise<void> {
  if (typeof uri !== 'string') return;
  const target = vscode.Uri.parse(uri);
  // the workbench's model of the file, with the edit (it may not have reached this extension host's list yet)
  const document = await vscode.workspace.openTextDocument(target).then(undefined, () => undefined);
  const saved = document ? !document.isDirty || (await document.save()) : false;
  const where = vscode.workspace.asRelativePath(target);
  const message = saved
    ? `"${term}" is allowed in this workspace: added to ${where} and saved.`
    : `"${term}" was added to ${where}; save it to keep it.`;
  // not awaited: the message stays until dismissed, and the quick fix is done once the file is saved
  void vscode.window
    .showInformationMessage(message, 'Open')
    .then((choice) => (choice === 'Open' ? vscode.window.showTextDocument(target, { preview: true }) : undefined));
}

/** Registers the ClaimLint commands: restart, lint workspace, open source passage, show fact base, allow-list. */
export function registerCommands(
  context: vscode.ExtensionContext,
  getClient: () => LanguageClient | undefined,
  output: vscode.OutputChannel,
): void {
  // ClaimLint's own windows: read-only, outside the linted schemes
  const factBase = new FactBaseDocument();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, new SourceDocuments(context.extensionUri)),
    vscode.workspace.registerTextDocumentContentProvider(FACT_BASE_SCHEME, factBase),
  );
  const run = (command: string, args: unknown[] = []): Promise<unknown> => {
    const client = getClient();
    if (!client) return Promise.reject(new Error('ClaimLint server is not running'));
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  };
  // the fact base of the active draft's folder (its own fact bases), else of the workspace
  const activeDraft = (): string[] => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && (uri.scheme === 'file' || uri.scheme === 'untitled') ? [uri.toString()] : [];
  };
  const factBaseView = new FactBaseView(async () => (await run(SERVER_COMMANDS.factBaseTree, activeDraft())) as FactBaseTree | undefined);
  context.subscriptions.push(
    vscode.commands.registerCommand('claimlint.restartServer', async () => {
      output.appendLine('Restarting the ClaimLint server');
      await getClient()?.restart();
    }),
    vscode.commands.registerCommand('claimlint.lintWorkspace', async () => {
      const summary = (await run(SERVER_COMMANDS.lintWorkspace)) as WorkspaceLintSummary | undefined;
      if (!summary) return;
      for (const skipped of summary.skipped) output.appendLine(`Skipped ${skipped.file}: ${skipped.reason}`);
      const skippedNote = summary.skipped.length ? `, ${summary.skipped.length} skipped (see Output › ClaimLint)` : '';
      const excludedNote = summary.excluded ? `, ${summary.excluded} left out by include/exclude` : '';
      void vscode.window.showInformationMessage(
        `ClaimLint ${summary.cancelled ? 'stopped after' : 'linted'} ${summary.files} draft(s): ${summary.findings} finding(s)${skippedNote}${excludedNote}.`,
      );
    }),
    vscode.commands.registerCommand('claimlint.openSourcePassage', (location: PassageLocation) => openSourcePassage(location)),
    factBaseView,
    vscode.commands.registerCommand('claimlint.showFactBase', () => factBaseView.reveal()),
    vscode.commands.registerCommand('claimlint.factBase.search', () => factBaseView.askSearch()),
    vscode.commands.registerCommand('claimlint.factBase.clearSearch', () => factBaseView.setQuery('')),
    vscode.commands.registerCommand('claimlint.factBase.refresh', () => factBaseView.refresh()),
    vscode.commands.registerCommand('claimlint.factBase.openMarkdown', async () => {
      const markdown = (await run(SERVER_COMMANDS.factBase, activeDraft())) as string | undefined;
      if (!markdown) return;
      const document = await vscode.workspace.openTextDocument(factBase.update(markdown));
      await vscode.window.showTextDocument(document, { preview: true });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    }),
    vscode.commands.registerCommand('claimlint.addToAllowList', async (term?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const selected = editor.document.getText(editor.selection).trim();
      const wordRange = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}'’-]+/u);
      const chosen = term ?? (selected || (wordRange ? editor.document.getText(wordRange) : ''));
      const value = await vscode.window.showInputBox({
        prompt: 'Term to allow in this workspace (never reported as loaded)',
        value: chosen,
      });
      if (!value) return;
      const result = (await run(SERVER_COMMANDS.addToAllowList, [editor.document.uri.toString(), value])) as
        { applied: boolean; uri?: string } | undefined;
      if (result?.applied && result.uri) await allowListEdited(result.uri, value.trim());
      else void vscode.window.showWarningMessage(`ClaimLint could not add "${value.trim()}" to the allow-list (it may be there already).`);
    }),
    // the allow-list quick fix runs this after its edit
    vscode.commands.registerCommand(ALLOW_LIST_EDITED, (uri: string, term: string) => allowListEdited(uri, term)),
  );
}
