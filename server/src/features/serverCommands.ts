import type { Connection, ExecuteCommandParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_COMMANDS } from '../protocol';
import type { AllowListTarget } from './codeActions';
import { allowListWorkspaceEdit } from './codeActions';
import type { DraftReferences } from './draftReferences';
import { factBaseTree, renderFactBase } from './factBaseView';
import type { LintScheduler } from './lintScheduler';
import type { SettingsProvider } from './settings';
import { lintWorkspace } from './workspaceLint';

/** What the server's commands work with. */
export interface CommandContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsProvider;
  lints: LintScheduler;
  draftReferences: DraftReferences;
  ruleDoc: (rule: string) => string;
  allowListTarget: (draftUri: string, term: string) => AllowListTarget | undefined;
}

/** Runs one of `SERVER_COMMANDS`; undefined for a command the server does not know. */
export async function executeServerCommand(params: ExecuteCommandParams, context: CommandContext): Promise<unknown> {
  const { connection, documents, settings, lints } = context;
  if (params.command === SERVER_COMMANDS.lintWorkspace) {
    return lintWorkspace(
      connection,
      settings,
      (uri) => ({ open: documents.get(uri) !== undefined, findings: lints.state(uri)?.findings ?? 0 }),
      context.ruleDoc,
    );
  }
  if (params.command === SERVER_COMMANDS.factBase || params.command === SERVER_COMMANDS.factBaseTree) {
    // the knowledge of the active draft (its folder's fact bases), else of the first workspace folder
    const [uri] = params.arguments ?? [];
    const folder = settings.workspaceFolders[0]?.uri;
    const { knowledge } = await settings.forDocument(typeof uri === 'string' ? uri : (folder ?? 'untitled:factbase'));
    if (params.command === SERVER_COMMANDS.factBase) return renderFactBase(knowledge);
    const drafts = documents.all().flatMap((document) => {
      const state = lints.state(document.uri);
      return state ? [{ document, state }] : [];
    });
    return factBaseTree(knowledge, context.draftReferences.collect(drafts, knowledge));
  }
  if (params.command === SERVER_COMMANDS.addToAllowList) {
    const [uri, term] = params.arguments ?? [];
    if (typeof uri !== 'string' || typeof term !== 'string' || term.trim() === '') return { applied: false };
    const target = context.allowListTarget(uri, term.trim());
    const edit = target && allowListWorkspaceEdit(target);
    if (!edit) return { applied: false };
    const { applied } = await connection.workspace.applyEdit({ label: `Allow "${term.trim()}"`, edit });
    return applied ? { applied, uri: target.uri } : { applied };
  }
  return undefined;
}
