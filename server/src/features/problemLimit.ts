import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { DIAGNOSTIC_SOURCE, toDiagnostics } from './diagnostics';

/**
 * Diagnostics VS Code shows per file and per extension: it drops the rest, errors first, and adds a
 * "Not showing N further errors and warnings" marker of its own (`extHostDiagnostics.ts`).
 */
export const EDITOR_PROBLEMS_PER_FILE = 1000;

/** The `code` of the diagnostic that says how many problems were left out. */
export const PROBLEM_LIMIT_CODE = 'claimlint.maxProblems';

/** The findings a draft's diagnostics show, and how many were left out. */
export interface LimitedFindings {
  shown: readonly Finding[];
  hidden: number;
}

/**
 * Keeps at most `limit - 1` findings, those starting nearest `focus` (an offset: where the user last
 * edited), so the squiggles where the writer is working are always among those the editor shows; the last
 * slot is left for the notice. `findings` must be sorted by start; the kept ones are a contiguous run of
 * them, still in order. A `limit` of 0, or one the findings fit in, keeps everything.
 */
export function nearestFindings(findings: readonly Finding[], focus: number, limit: number): LimitedFindings {
  if (limit <= 0 || findings.length <= limit) return { shown: findings, hidden: 0 };
  const keep = limit - 1;
  // first finding starting at or after the focus
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].start < focus) lo = mid + 1;
    else hi = mid;
  }
  let from = lo;
  let to = lo;
  while (to - from < keep) {
    const takeBefore = to >= findings.length || (from > 0 && focus - findings[from - 1].start <= findings[to].start - focus);
    if (takeBefore) from--;
    else to++;
  }
  return { shown: findings.slice(from, to), hidden: findings.length - keep };
}

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
 * The diagnostics to publish for a draft's findings under `limit` (see `nearestFindings`), with the notice
 * when some are left out; `focus` is where the user last edited, undefined before any edit.
 */
export function limitedDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  focus: number | undefined,
  limit: number,
  ruleDoc: (rule: string) => string,
): { shown: readonly Finding[]; diagnostics: Diagnostic[] } {
  const { shown, hidden } = nearestFindings(findings, focus ?? 0, limit);
  const diagnostics = toDiagnostics(document, shown, ruleDoc);
  if (hidden > 0) diagnostics.push(problemLimitNotice(hidden, limit, focus !== undefined));
  return { shown, diagnostics };
}
