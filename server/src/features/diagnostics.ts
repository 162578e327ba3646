import * as path from 'node:path';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataProblem, Finding, Severity } from '../engine';
import { ruleDocPath } from '../engine';
import { pathToUri } from './uris';

/** The `source` of every ClaimLint diagnostic. */
export const DIAGNOSTIC_SOURCE = 'claimlint';

import { CONFIG_PROBLEM_CODE } from '../protocol';

export { CONFIG_PROBLEM_CODE };

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Builds `file:` links to the rule pages shipped in `docs/rules/`, one URI per rule. */
export function ruleDocLinker(extensionRoot: string): (rule: string) => string {
  const links = new Map<string, string>();
  return (rule) => {
    let link = links.get(rule);
    if (link === undefined) {
      link = pathToUri(path.join(extensionRoot, ruleDocPath(rule)));
      links.set(rule, link);
    }
    return link;
  };
}

/** Rows shown under a diagnostic in the Problems panel (source passages of a fact finding). */
export type RelatedRows = (finding: Finding) => DiagnosticRelatedInformation[];

/** Converts findings to LSP diagnostics; offsets become positions only here, at the edge. */
export function toDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  ruleDoc: (rule: string) => string,
  related?: RelatedRows,
): Diagnostic[] {
  return findings.map((finding) => {
    const rows = related?.(finding) ?? [];
    return {
      range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
      severity: SEVERITIES[finding.severity],
      code: finding.rule,
      codeDescription: { href: ruleDoc(finding.rule) },
      source: DIAGNOSTIC_SOURCE,
      message: finding.message,
      // VS Code fades words tagged unnecessary, on top of the squiggle
      ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
      ...(rows.length > 0 ? { relatedInformation: rows } : {}),
    };
  });
}

/** Diagnostics for problems in a data file (fact base, lexicon, `.claimlint.yaml`). */
export function problemDiagnostics(document: TextDocument | undefined, text: string, problems: readonly DataProblem[]): Diagnostic[] {
  const positionAt = (offset: number) => {
    if (document) return document.positionAt(offset);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return problems.map((problem) => ({
    range: { start: positionAt(problem.start), end: positionAt(Math.max(problem.end, problem.start)) },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: CONFIG_PROBLEM_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  }));
}
