import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';

/** Arguments of the hover's "Open source passage" link. */
interface PassageLocation {
  seed: string;
  offset: number;
  length: number;
}

interface WorkspaceLintSummary {
  files: number;
  findings: number;
  skipped: { file: string; reason: string }[];
  /** Drafts left out by claimlint.include / claimlint.exclude or a .claimlint.yaml's include / exclude. */
  excluded?: number;
  cancelled: boolean;
}

async function openSourcePassage(context: vscode.ExtensionContext, location: PassageLocation): Promise<void> {
  if (!location || typeof location.seed !== 'string' || /[\\/]/.test(location.seed)) return;
  const uri = vscode.Uri.joinPath(context.extensionUri, 'seeds', location.seed);
  const document = await vscode.workspace.openTextDocument(uri);
  const start = document.positionAt(location.offset);
  const end = document.positionAt(location.offset + location.length);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end), preview: true });
}

/** Registers the ClaimLint commands: restart, lint workspace, open source passage, show fact base, allow-list. */
export function registerCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, output: vscode.OutputChannel): void {
  const run = (command: string, args: unknown[] = []): Promise<unknown> => {
    const client = getClient();
    if (!client) return Promise.reject(new Error('ClaimLint server is not running'));
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('claimlint.restartServer', async () => {
      output.appendLine('Restarting the ClaimLint server');
      await getClient()?.restart();
    }),
    vscode.commands.registerCommand('claimlint.lintWorkspace', async () => {
      const summary = (await run('claimlint.server.lintWorkspace')) as WorkspaceLintSummary | undefined;
      if (!summary) return;
      for (const skipped of summary.skipped) output.appendLine(`Skipped ${skipped.file}: ${skipped.reason}`);
      const skippedNote = summary.skipped.length ? `, ${summary.skipped.length} skipped (see Output › ClaimLint)` : '';
      const excludedNote = summary.excluded ? `, ${summary.excluded} left out by include/exclude` : '';
      void vscode.window.showInformationMessage(
        `ClaimLint ${summary.cancelled ? 'stopped after' : 'linted'} ${summary.files} draft(s): ${summary.findings} finding(s)${skippedNote}${excludedNote}.`,
      );
    }),
    vscode.commands.registerCommand('claimlint.openSourcePassage', (location: PassageLocation) => openSourcePassage(context, location)),
    vscode.commands.registerCommand('claimlint.showFactBase', async () => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      const markdown = (await run('claimlint.server.factBase', active ? [active] : [])) as string | undefined;
      if (!markdown) return;
      const document = await vscode.workspace.openTextDocument({ content: markdown, language: 'markdown' });
      await vscode.window.showTextDocument(document, { preview: true });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
    }),
    vscode.commands.registerCommand('claimlint.addToAllowList', async (term?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const selected = editor.document.getText(editor.selection).trim();
      const wordRange = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}'’-]+/u);
      const chosen = term ?? (selected || (wordRange ? editor.document.getText(wordRange) : ''));
      const value = await vscode.window.showInputBox({ prompt: 'Term to allow in this workspace (never reported as loaded)', value: chosen });
      if (value) await run('claimlint.server.addToAllowList', [editor.document.uri.toString(), value]);
    }),
  );
}
