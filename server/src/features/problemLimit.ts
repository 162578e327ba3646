import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LintOutcome } from '../engine';
import type { RelatedRows } from './diagnostics';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './diagnostics';

/**
 * Diagnostics VS Code shows per file and per extension: it drops the rest, errors first, and adds a
 * "Not showing N further errors and warnings" marker of its own (`extHostDiagnostics.ts`).
 */
export const EDITOR_PROBLEMS_PER_FILE = 1000;

/** The `code` of the diagnostic that says how many problems were left out. */
export const PROBLEM_LIMIT_CODE = 'claimlint.maxProblems';

/** The diagnostic that tells the writer how many problems are not shown, and how to see them. */
export function problemLimitNotice(hidden: number, limit: number, edited: boolean): Diagnostic {
  const shown = limit - 1;
  const near = edited ? 'nearest your last edit' : 'nearest the start of the draft (after an edit: nearest the edit)';
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: PROBLEM_LIMIT_CODE,
    source: DIAGNOSTIC_SOURCE,
    message:
      `ClaimLint shows the ${shown} problems ${near}; ${hidden} more in this draft are not shown. ` +
      `Raise claimlint.maxProblems (VS Code itself shows at most ${EDITOR_PROBLEMS_PER_FILE} per file) or run the claimlint CLI for the full list.`,
  };
}

/**
 * The diagnostics to publish for a lint under `limit`, with the notice when some are left out. Above the
 * limit, `limit - 1` findings are shown (the last slot is the notice's): those starting nearest `focus`, where
 * the user last edited (undefined before any edit: the start), so the squiggles where the writer works are
 * always among those the editor shows. A `limit` of 0 shows everything.
 */
export function limitedDiagnostics(
  document: TextDocument,
  outcome: Pick<LintOutcome, 'findings' | 'count' | 'nearest'>,
  focus: number | undefined,
  limit: number,
  ruleDoc: (rule: string) => string,
  related?: RelatedRows,
): { shown: readonly Finding[]; diagnostics: Diagnostic[] } {
  if (limit <= 0 || outcome.count <= limit)
    return { shown: outcome.findings, diagnostics: toDiagnostics(document, outcome.findings, ruleDoc, related) };
  const shown = outcome.nearest(focus ?? 0, limit - 1);
  const diagnostics = toDiagnostics(document, shown, ruleDoc, related);
  diagnostics.push(problemLimitNotice(outcome.count - shown.length, limit, focus !== undefined));
  return { shown, diagnostics };
}
