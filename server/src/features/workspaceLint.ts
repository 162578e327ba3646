import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument } from '../engine';
import { findDrafts, formatOfFile, readDraft } from '../workspace/draftFiles';
import { isInside } from '../workspace/configResolver';
import { ignoredBy } from '../workspace/fileFilter';
import { limitedDiagnostics } from './problemLimit';
import { relatedSources } from './relatedSources';
import type { WorkspaceLintSummary } from '../protocol';
import type { SettingsProvider } from './settings';
import { pathToUri, uriToPath } from './uris';

export type { WorkspaceLintSummary } from '../protocol';

/**
 * Lints every draft (.md, .markdown, .txt) in the workspace folders into the Problems panel, with a
 * cancellable progress notification. Open documents are left to the live linter and counted with its
 * latest findings (`openFindings` gives them, or undefined for a document that is not open), so the summary
 * matches the Problems panel; files left out by `include` / `exclude` are not read, and anything shown for
 * them before is cleared.
 */
export async function lintWorkspace(
  connection: Connection,
  settings: SettingsProvider,
  openFindings: (uri: string) => { open: boolean; findings: number },
  ruleDoc: (rule: string) => string,
): Promise<WorkspaceLintSummary> {
  const folders = settings.workspaceFolders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  const searches = folders.map((folder) => findDrafts(folder));
  const files = searches.flatMap((search) => search.files);
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('ClaimLint: linting workspace', 0, `${files.length} drafts`, true);
  const summary: WorkspaceLintSummary = {
    files: 0,
    findings: 0,
    skipped: searches.flatMap((search) => search.skipped),
    excluded: 0,
    cancelled: false,
  };
  try {
    for (const [index, file] of files.entries()) {
      if (progress.token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      progress.report(Math.round((index / Math.max(files.length, 1)) * 100), `${index + 1}/${files.length}: ${file}`);
      const uri = pathToUri(file);
      const context = await settings.forDocument(uri);
      // source documents are what drafts are checked against, not drafts
      if (context.config.sourcePaths.some((source) => isInside(file, source))) continue;
      const open = openFindings(uri);
      if (open.open && !ignoredBy(file, context.config.files)) {
        if (context.config.enabled) {
          summary.files++;
          summary.findings += open.findings;
        }
        continue;
      }
      if (ignoredBy(file, context.config.files)) {
        summary.excluded++;
        await connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      const read = readDraft(file);
      if (!read.ok) {
        summary.skipped.push({ file, reason: read.reason });
        continue;
      }
      if (!context.config.enabled) continue;
      const format = formatOfFile(file);
      const document = TextDocument.create(uri, format, 0, read.text);
      const outcome = lintDocument({ text: read.text, format, settings: context.config.settings, knowledge: context.knowledge });
      summary.files++;
      summary.findings += outcome.count;
      const { diagnostics } = limitedDiagnostics(
        document,
        outcome,
        undefined,
        context.maxProblems,
        ruleDoc,
        relatedSources(context.knowledge),
      );
      await connection.sendDiagnostics({ uri, diagnostics });
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    progress.done();
  }
  return summary;
}
