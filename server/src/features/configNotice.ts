import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataProblem } from '../engine';
import { CONFIG_PROBLEM_CODE, DIAGNOSTIC_SOURCE } from './diagnostics';
import { pathToUri } from './uris';

/** Most problem locations a draft's notice lists as child rows. */
const MAX_ROWS = 5;

/**
 * One diagnostic on a draft's first line saying that the configuration it is checked under (its
 * `.claimlint.yaml` and the lexicons and fact bases that file or the settings name) has problems, so part of
 * it is ignored, with each problem's place as a child row. The problems themselves are shown in their files;
 * without this notice a draft would be checked under defaults with nothing said. Undefined when there are none.
 */
export function configNotice(document: TextDocument, problems: readonly DataProblem[]): Diagnostic | undefined {
  const userProblems = problems.filter((p) => path.isAbsolute(p.file));
  if (userProblems.length === 0) return undefined;
  const files = [...new Set(userProblems.map((p) => path.basename(p.file)))];
  const first = userProblems[0];
  const count = userProblems.length === 1 ? 'a problem' : `${userProblems.length} problems`;
  const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: userProblems.some((p) => p.severity === 'error') ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: CONFIG_PROBLEM_CODE,
    source: DIAGNOSTIC_SOURCE,
    message:
      `ClaimLint's configuration has ${count} (${files.join(', ')}), so this draft is checked without what could not be read. ` +
      `${path.basename(first.file)} line ${first.line}: ${first.message}`,
    relatedInformation: userProblems.slice(0, MAX_ROWS).map((problem) => {
      const at = { line: problem.line - 1, character: problem.column - 1 };
      return {
        location: { uri: pathToUri(problem.file), range: { start: at, end: at } },
        message: `${path.basename(problem.file)}:${problem.line}: ${problem.message}`,
      };
    }),
  };
}
