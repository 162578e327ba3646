/**
 * The ClaimLint language server: LSP wiring only. Runs over IPC (VS Code) or `--stdio` (Neovim, Helix,
 * Emacs, …); the analysis itself lives in the pure engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InitializeResult, TextDocumentChangeEvent } from 'vscode-languageserver/node';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allowListEdit } from './engine/configEdits';
import { CONFIG_FILE_NAME, parseConfigFile } from './engine/config';
import { commonEnds } from './engine/text/commonEnds';
import { warmUpTagger } from './engine/text/tagger';
import type { DataProblem } from './engine/types';
import { allowListWorkspaceEdit, codeActionsFor } from './features/codeActions';
import type { AllowListTarget } from './features/codeActions';
import { ruleDocLinker } from './features/diagnostics';
import { DataProblemPublisher } from './features/dataProblems';
import { documentRole } from './features/documentKinds';
import { DraftReferences } from './features/draftReferences';
import { factBaseTree, renderFactBase } from './features/factBaseView';
import { hoverContent } from './features/hover';
import { LintScheduler } from './features/lintScheduler';
import { SettingsProvider } from './features/settings';
import { backgroundIndexer } from './features/sourceIndexing';
import { pathToUri, uriToPath } from './features/uris';
import { lintWorkspace } from './features/workspaceLint';
import { ConfigResolver, isInside } from './workspace/configResolver';
import { ignoredBy } from './workspace/fileFilter';
import type { FileRead } from './workspace/boundedRead';
import { builtInDataDir, readBuiltInFiles, readDataFile, readSourceDocument } from './workspace/dataFiles';
import { KnowledgeStore } from './workspace/knowledgeStore';

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  lintWorkspace: 'claimlint.server.lintWorkspace',
  addToAllowList: 'claimlint.server.addToAllowList',
  factBase: 'claimlint.server.factBase',
  factBaseTree: 'claimlint.server.factBaseTree',
} as const;

const connection = createConnection(ProposedFeatures.all);
const log = (message: string): void => connection.console.log(message);

process.on('uncaughtException', (error) => connection.console.error(`ClaimLint: unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`ClaimLint: unexpected rejection: ${String(error)}`));

const scheduler: { current?: LintScheduler } = {};
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    for (const change of changes) {
      if ('range' in change) {
        const start = document.offsetAt(change.range.start);
        const end = document.offsetAt(change.range.end);
        scheduler.current?.noteChange(document.uri, { start, end, length: change.text.length });
      } else {
        // a whole-text change (editors without incremental sync): what changed lies between the common ends
        const before = document.getText();
        const { prefix, suffix } = commonEnds(before, change.text);
        scheduler.current?.noteChange(document.uri, {
          start: prefix,
          end: before.length - suffix,
          length: change.text.length - prefix - suffix,
        });
      }
      TextDocument.update(document, [change], version);
    }
    return document;
  },
});

/**
 * A reader that gives the open document's (unsaved) text when a file is open, else `fromDisk`'s. A file
 * deleted while open stays open in the editor; it counts as gone, or a deleted `.claimlint.yaml` would keep
 * applying.
 */
const withOpenText =
  (fromDisk: (file: string) => FileRead<string>) =>
  (file: string): FileRead<string> => {
    const open = documents.get(pathToUri(file));
    return open && fs.existsSync(file) ? { ok: true, value: open.getText() } : fromDisk(file);
  };
/** Text of a data or configuration file. */
const readText = withOpenText(readDataFile);
/** Text of a source document. */
const readSourceText = withOpenText(readSourceDocument);
const textOf = (file: string): string | undefined => {
  const read = readText(file);
  return read.ok ? read.value : undefined;
};

const dataDir = builtInDataDir();
const extensionRoot = path.dirname(dataDir);
const ruleDoc = ruleDocLinker(extensionRoot);
const builtIn = readBuiltInFiles(dataDir);
// source documents are read in the background; the open drafts are linted again against them once read
const knowledgeStore = new KnowledgeStore(
  builtIn,
  readText,
  readSourceText,
  backgroundIndexer(connection, () => relintAll()),
);
const settings = new SettingsProvider(connection, new ConfigResolver(readText), knowledgeStore);
const dataProblems = new DataProblemPublisher(connection, (uri) => documents.get(uri), textOf);
const reportedBuiltInProblems = new Set<string>();
const draftReferences = new DraftReferences();

const lints = new LintScheduler(
  connection,
  (uri) => documents.get(uri),
  ruleDoc,
  (uri, outcome) => {
    if (outcome.truncatedAt !== undefined) {
      void connection.window.showWarningMessage(
        `ClaimLint checked only the first ${outcome.truncatedAt} characters of ${uri}, because ${outcome.truncatedBecause ?? 'the draft is too long'}.`,
      );
    }
  },
);
scheduler.current = lints;

function reportKnowledgeProblems(problems: readonly DataProblem[], files: readonly string[]): void {
  const builtInProblems = problems.filter((p) => !path.isAbsolute(p.file));
  for (const problem of builtInProblems) {
    const line = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
    if (reportedBuiltInProblems.has(line)) continue;
    reportedBuiltInProblems.add(line);
    connection.console.error(`ClaimLint built-in data: ${line}`);
  }
  dataProblems.report(
    files,
    problems.filter((p) => path.isAbsolute(p.file)),
  );
}

async function lintUri(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  try {
    const context = await settings.forDocument(uri);
    const file = uriToPath(uri);
    const userDataFiles = new Set([...context.config.lexiconPaths, ...context.config.factBasePaths].map((p) => path.resolve(p)));
    const role = documentRole(document.languageId, file, context.config.languages, userDataFiles);
    const configFiles = context.config.configFile ? [context.config.configFile] : [];
    reportKnowledgeProblems(
      [...context.config.problems, ...context.knowledge.problems],
      [...configFiles, ...context.config.lexiconPaths, ...context.config.factBasePaths],
    );
    if (role.kind === 'config' && file) {
      dataProblems.report([file], parseConfigFile(file, document.getText()).problems);
      return;
    }
    if (role.kind === 'data' && file) {
      const knowledge = settings.knowledge.get([...context.config.lexiconPaths, file], [...context.config.factBasePaths, file]);
      dataProblems.report(
        [file],
        knowledge.problems.filter((p) => p.file === file),
      );
      return;
    }
    // a source document is what drafts are checked against, not a draft
    if (role.kind === 'draft' && file && context.config.sourcePaths.some((source) => isInside(file, source))) {
      lints.forget(uri);
      return;
    }
    if (role.kind === 'draft' && file && ignoredBy(file, context.config.files)) {
      // left out by include / exclude: clear what it showed (also what Lint Workspace published before)
      lints.forget(uri);
      return;
    }
    if (role.kind !== 'draft' || !context.config.enabled) {
      if (lints.state(uri)) lints.forget(uri);
      return;
    }
    await lints.lint(document, role.format, context);
  } catch (error) {
    connection.console.error(`ClaimLint: linting ${uri} failed: ${(error as Error).stack ?? String(error)}`);
  }
}

function relintAll(): void {
  for (const document of documents.all()) void lintUri(document.uri);
}

/** True for a configuration or data file, or a source document: a change to it changes what drafts are checked against. */
function isDataOrConfig(uri: string): boolean {
  const file = uriToPath(uri);
  return !!file && (path.basename(file) === CONFIG_FILE_NAME || /\.ya?ml$/i.test(file) || knowledgeStore.isSourceDocument(file));
}

function allowListTarget(draftUri: string, term: string): AllowListTarget | undefined {
  const file = uriToPath(draftUri);
  if (!file) return undefined;
  // the configuration that applies to the draft, searched no higher than its workspace folder, or a new one at
  // that folder's top: an allow-list edit never leaves the workspace (the draft's own folder outside one)
  const root = settings.folderOf(file) ?? path.dirname(file);
  const existing = settings.resolver.findConfigFile(path.dirname(file), root);
  const target = existing ?? path.join(root, CONFIG_FILE_NAME);
  const text = textOf(target) ?? '';
  const edit = allowListEdit(text, term);
  if (!edit) return undefined;
  const doc = TextDocument.create(pathToUri(target), 'yaml', 0, text);
  return {
    uri: pathToUri(target),
    exists: existing !== undefined,
    edit: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end), newText: edit.newText },
  };
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  settings.canRequestConfiguration = capabilities.workspace?.configuration === true;
  settings.supportsWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
  settings.workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  const options = params.initializationOptions as { workspaceTrusted?: boolean } | undefined;
  settings.workspaceTrusted = options?.workspaceTrusted !== false;
  if (!settings.workspaceTrusted) log('Untrusted workspace: extra lexicons and fact bases are ignored; built-in data only.');
  log(`ClaimLint server started (data: ${dataDir}; ${builtIn.lexicons.length} lexicon file(s), ${builtIn.factFiles.length} fact file(s))`);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'claimlint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // the tagger's model takes a few hundred milliseconds to load: load it before the first draft arrives
  setImmediate(warmUpTagger);
  if (settings.canRequestConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimlint' }).catch(() => undefined);
  }
  // the getter throws for clients without workspace-folder support (Neovim without folders, plain stdio clients)
  if (!settings.supportsWorkspaceFolders) return;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((f) => f.uri));
    settings.workspaceFolders = [...settings.workspaceFolders.filter((f) => !removed.has(f.uri)), ...event.added];
    settings.invalidateEditorSettings();
    relintAll();
  });
});

connection.onDidChangeConfiguration(() => {
  settings.invalidateEditorSettings();
  relintAll();
});

connection.onDidChangeWatchedFiles((params) => {
  // the client also reports drafts (it watches .md and .txt for source documents): those change nothing here
  if (!params.changes.some((change) => isDataOrConfig(change.uri))) return;
  settings.invalidateFiles();
  // a deleted configuration or data file takes its problems with it
  const deleted = params.changes
    .filter((change) => change.type === FileChangeType.Deleted)
    .flatMap((change) => uriToPath(change.uri) ?? []);
  if (deleted.length > 0) dataProblems.report(deleted, []);
  relintAll();
});

documents.onDidOpen((event) => void lintUri(event.document.uri));
documents.onDidChangeContent((event: TextDocumentChangeEvent<TextDocument>) => {
  const uri = event.document.uri;
  if (isDataOrConfig(uri)) {
    settings.invalidateFiles();
    lints.schedule(uri, () => relintAll());
    return;
  }
  if (lints.state(uri)) lints.schedule(uri, () => void lintUri(uri));
});
documents.onDidClose((event) => {
  lints.forget(event.document.uri);
  settings.forget(event.document.uri);
  draftReferences.forget(event.document.uri);
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const state = lints.state(params.textDocument.uri);
  if (!document || !state) return null;
  const offset = document.offsetAt(params.position);
  const findings = state.store.overlapping(offset, offset);
  const contents = hoverContent(findings);
  if (!contents) return null;
  return { contents, range: { start: document.positionAt(findings[0].start), end: document.positionAt(findings[0].end) } };
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const state = lints.state(params.textDocument.uri);
  if (!document || !state) return [];
  const overlapping = state.store.overlapping(document.offsetAt(params.range.start), document.offsetAt(params.range.end));
  return codeActionsFor(document, state.format, overlapping, params.context.diagnostics, (term) => allowListTarget(document.uri, term));
});

connection.onExecuteCommand(async (params) => {
  if (params.command === SERVER_COMMANDS.lintWorkspace) {
    return lintWorkspace(
      connection,
      settings,
      (uri) => ({ open: documents.get(uri) !== undefined, findings: lints.state(uri)?.findings ?? 0 }),
      ruleDoc,
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
    return factBaseTree(knowledge, draftReferences.collect(drafts, knowledge));
  }
  if (params.command === SERVER_COMMANDS.addToAllowList) {
    const [uri, term] = params.arguments ?? [];
    if (typeof uri !== 'string' || typeof term !== 'string' || term.trim() === '') return { applied: false };
    const target = allowListTarget(uri, term.trim());
    const edit = target && allowListWorkspaceEdit(target);
    if (!edit) return { applied: false };
    const { applied } = await connection.workspace.applyEdit({ label: `Allow "${term.trim()}"`, edit });
    return applied ? { applied, uri: target.uri } : { applied };
  }
  return undefined;
});

documents.listen(connection);
connection.listen();
