/**
 * Read-only windows of ClaimLint's own: the source articles and the fact base. They have schemes of their
 * own, outside the language client's document selector, so they are never linted, never dirty and never ask
 * to be saved; their tabs are titled by headline and outlet.
 */
import * as vscode from 'vscode';
import { SOURCE_SCHEME, sourceWindowUri, wrapKeepingOffsets } from '../../server/src/engine';

export { SOURCE_SCHEME };

/** The fact base as Markdown: `claimlint-factbase:/ClaimLint fact base.md`. */
export const FACT_BASE_SCHEME = 'claimlint-factbase';

/** The window of a seed article, titled "<headline> — <outlet>". */
export function sourceUri(seed: string, title: string | undefined, outlet: string | undefined): vscode.Uri {
  return vscode.Uri.parse(sourceWindowUri(seed, title, outlet));
}

/** Serves the seed articles bundled with the extension, wrapped, read-only. */
export class SourceDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const seed = new URLSearchParams(uri.query).get('seed');
    if (!seed || /[\\/]/.test(seed) || seed.startsWith('.')) return '';
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'seeds', seed));
    return wrapKeepingOffsets(new TextDecoder().decode(bytes));
  }
}

/** Serves the latest fact base the server rendered; `show` replaces it and tells an open window to refresh. */
export class FactBaseDocument implements vscode.TextDocumentContentProvider {
  static readonly uri = vscode.Uri.from({ scheme: FACT_BASE_SCHEME, path: '/ClaimLint fact base.md' });
  private markdown = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(): string {
    return this.markdown;
  }

  update(markdown: string): vscode.Uri {
    this.markdown = markdown;
    this.changed.fire(FactBaseDocument.uri);
    return FactBaseDocument.uri;
  }
}
