import type { CodeAction, Diagnostic, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat, Finding, Fix } from '../engine';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Where and how to add a term to the workspace allow-list. */
export interface AllowListTarget {
  uri: string;
  exists: boolean;
  edit: { start: { line: number; character: number }; end: { line: number; character: number }; newText: string } | undefined;
}

/**
 * The client command that saves a `.claimlint.yaml` an allow-list edit changed and tells the user, so the
 * edit does not sit in an unsaved tab. Editors without it ask the server, which answers with nothing.
 */
export const ALLOW_LIST_EDITED = 'claimlint.allowListEdited';

/** The workspace edit that adds a term to `.claimlint.yaml`, creating the file when needed. */
export function allowListWorkspaceEdit(target: AllowListTarget): WorkspaceEdit | undefined {
  if (!target.edit) return undefined;
  const edit = { range: { start: target.edit.start, end: target.edit.end }, newText: target.edit.newText };
  if (target.exists) return { changes: { [target.uri]: [edit] } };
  return {
    documentChanges: [
      { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: target.uri, version: null }, edits: [edit] },
    ],
  };
}

function lspEdits(document: TextDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((edit) => ({
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  }));
}

/** The diagnostics in the request that stand for `finding`. */
function diagnosticsOf(document: TextDocument, diagnostics: readonly Diagnostic[], finding: Finding): Diagnostic[] {
  return diagnostics.filter(
    (d) => d.source === DIAGNOSTIC_SOURCE && d.code === finding.rule && document.offsetAt(d.range.start) === finding.start,
  );
}

function disableLineText(format: DocumentFormat, rule: string): string {
  return format === 'markdown' ? `<!-- claimlint-disable-next-line ${rule} -->` : `claimlint-disable-next-line ${rule}`;
}

/**
 * Code actions for the findings overlapping a range: each finding's own fixes (replacement, source's
 * wording, attribution), "disable for this line", and for loaded terms "add to the allow-list".
 */
export function codeActionsFor(
  document: TextDocument,
  format: DocumentFormat,
  overlapping: readonly Finding[],
  diagnostics: readonly Diagnostic[],
  allowList: (term: string) => AllowListTarget | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of overlapping) {
    const related = diagnosticsOf(document, diagnostics, finding);
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: related,
        isPreferred: fix.preferred === true,
        edit: { changes: { [document.uri]: lspEdits(document, fix) } },
      });
    }
    if (finding.rule === 'loaded.term' && finding.term) {
      const target = allowList(finding.term);
      const edit = target && allowListWorkspaceEdit(target);
      if (edit) {
        actions.push({
          title: `Add "${finding.term}" to the workspace allow-list (.claimlint.yaml)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: related,
          edit,
          // run by the editor after the edit: VS Code's client saves the file and says so (ALLOW_LIST_EDITED)
          command: { title: 'Save the allow-list', command: ALLOW_LIST_EDITED, arguments: [target.uri, finding.term] },
        });
      }
    }
    const line = document.positionAt(finding.start).line;
    const lineStart = { line, character: 0 };
    actions.push({
      title: `Disable ${finding.rule} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: related,
      edit: {
        changes: {
          [document.uri]: [{ range: { start: lineStart, end: lineStart }, newText: disableLineText(format, finding.rule) + '\n' }],
        },
      },
    });
  }
  return actions;
}
