/** Helpers of the extension-host suite: open drafts, find phrases, wait for diagnostics on events. */
import * as vscode from 'vscode';

export const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The workspace folder the runner opened (a temp copy of the drafts). */
export function workspaceUri(file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, file);
}

/** Opens a workspace draft in an editor. */
export async function openDraft(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Range of `phrase` inside the first occurrence of `context` (default: the phrase) in the document. */
export function phraseRange(document: vscode.TextDocument, phrase: string, context = phrase): vscode.Range {
  const text = document.getText();
  const at = text.indexOf(context);
  const inner = context.indexOf(phrase);
  if (at < 0 || inner < 0) throw new Error(`"${context}" is not in ${document.uri.fsPath}`);
  return new vscode.Range(document.positionAt(at + inner), document.positionAt(at + inner + phrase.length));
}

/** The rule id of a diagnostic (`code` may be a string or `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

/** ClaimLint's diagnostics of `uri`. */
export function claimlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claimlint');
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/**
 * Resolves when ClaimLint's diagnostics of `uri` satisfy `predicate`: checked now and on every
 * `onDidChangeDiagnostics` event for the uri. Rejects after `timeout` ms with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = (): boolean => {
      const diagnostics = claimlintDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const deadline = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what}; diagnostics: ${describe(claimlintDiagnostics(uri))}`));
    }, timeout);
    function finish(): void {
      clearTimeout(deadline);
      subscription.dispose();
    }
    test();
  });
}

/** Markdown of the hovers at `position`, joined, with Markdown escapes removed and white space folded. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const parts = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  return foldText(parts.join('\n').replace(/\\([\\`*_{}[\]<>()#+!|.-])/g, '$1'));
}

/** Runs of white space (non-breaking spaces included) as one space. */
export function foldText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
