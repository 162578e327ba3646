/**
 * The ClaimLint language server: LSP wiring only. Runs over IPC (VS Code) or `--stdio` (Neovim, Helix,
 * Emacs, …); the analysis itself lives in the pure engine, and what the server does for each request lives
 * in `features/`.
 */
import * as path from 'node:path';
import type { InitializeResult } from 'vscode-languageserver/node';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { warmUpTagger } from './engine';
import { allowListTarget } from './features/allowListTarget';
import { codeActionsFor } from './features/codeActions';
import { DataProblemPublisher } from './features/dataProblems';
import { ruleDocLinker } from './features/diagnostics';
import { DocumentRouter } from './features/documentRouter';
import { DraftReferences } from './features/draftReferences';
import { hoverContent } from './features/hover';
import { LintScheduler } from './features/lintScheduler';
import { openDocuments, withOpenText } from './features/openDocuments';
import { executeServerCommand } from './features/serverCommands';
import { SettingsProvider } from './features/settings';
import { backgroundIndexer } from './features/sourceIndexing';
import { uriToPath } from './features/uris';
import { ConfigResolver } from './workspace/configResolver';
import { builtInDataDir, readBuiltInFiles, readDataFile, readSourceDocument } from './workspace/dataFiles';
import { KnowledgeStore } from './workspace/knowledgeStore';
import { SERVER_COMMANDS } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string): void => connection.console.log(message);

process.on('uncaughtException', (error) => connection.console.error(`ClaimLint: unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`ClaimLint: unexpected rejection: ${String(error)}`));

// --- the parts, built once; the open documents report edits to the scheduler built after them
const documents = openDocuments((uri, change) => lints.noteChange(uri, change));
const readText = withOpenText(documents, readDataFile);
const textOf = (file: string): string | undefined => {
  const read = readText(file);
  return read.ok ? read.value : undefined;
};
const dataDir = builtInDataDir();
const builtIn = readBuiltInFiles(dataDir);
const ruleDoc = ruleDocLinker(path.dirname(dataDir));
// source documents are read in the background; the open drafts are handled again once they are read
const knowledgeStore = new KnowledgeStore(
  builtIn,
  readText,
  withOpenText(documents, readSourceDocument),
  backgroundIndexer(connection, () => router.relintAll()),
);
const settings = new SettingsProvider(connection, new ConfigResolver(readText), knowledgeStore);
const lints = new LintScheduler(
  connection,
  (uri) => documents.get(uri),
  ruleDoc,
  (uri, outcome) => {
    if (outcome.truncatedAt === undefined) return;
    const because = outcome.truncatedBecause ?? 'the draft is too long';
    void connection.window.showWarningMessage(
      `ClaimLint checked only the first ${outcome.truncatedAt} characters of ${uri}, because ${because}.`,
    );
  },
);
const dataProblems = new DataProblemPublisher(connection, (uri) => documents.get(uri), textOf);
const router = new DocumentRouter(connection, documents, settings, knowledgeStore, lints, dataProblems);
const draftReferences = new DraftReferences();
const allowListFor = (draftUri: string, term: string) => allowListTarget(settings, textOf, draftUri, term);

// --- the LSP lifecycle
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
    router.relintAll();
  });
});

// --- settings, data files and documents change
connection.onDidChangeConfiguration(() => {
  settings.invalidateEditorSettings();
  router.relintAll();
});

connection.onDidChangeWatchedFiles((params) => {
  // the client also reports drafts (it watches .md and .txt for source documents): those change nothing here
  if (!params.changes.some((change) => router.isDataOrConfig(change.uri))) return;
  settings.invalidateFiles();
  // a deleted configuration or data file takes its problems with it
  const deleted = params.changes
    .filter((change) => change.type === FileChangeType.Deleted)
    .flatMap((change) => uriToPath(change.uri) ?? []);
  if (deleted.length > 0) dataProblems.report(deleted, []);
  router.relintAll();
});

documents.onDidOpen((event) => void router.lint(event.document.uri));
documents.onDidChangeContent(({ document: { uri } }) => {
  if (router.isDataOrConfig(uri)) {
    settings.invalidateFiles();
    lints.schedule(uri, () => router.relintAll());
  } else if (lints.state(uri)) {
    lints.schedule(uri, () => void router.lint(uri));
  }
});
documents.onDidClose(({ document: { uri } }) => {
  lints.forget(uri);
  settings.forget(uri);
  draftReferences.forget(uri);
});

// --- requests
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
  return codeActionsFor(document, state.format, overlapping, params.context.diagnostics, (term) => allowListFor(document.uri, term));
});

connection.onExecuteCommand((params) =>
  executeServerCommand(params, { connection, documents, settings, lints, draftReferences, ruleDoc, allowListTarget: allowListFor }),
);

documents.listen(connection);
connection.listen();
