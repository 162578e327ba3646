import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataProblem } from '../engine';
import { CONFIG_FILE_NAME, parseConfigFile } from '../engine';
import { isInside } from '../workspace/configResolver';
import { ignoredBy } from '../workspace/fileFilter';
import type { KnowledgeStore } from '../workspace/knowledgeStore';
import type { DataProblemPublisher } from './dataProblems';
import { documentRole } from './documentKinds';
import type { LintScheduler } from './lintScheduler';
import type { SettingsProvider } from './settings';
import { uriToPath } from './uris';

/**
 * Decides what each open document gets: a draft is linted; a `.claimlint.yaml`, fact base or lexicon has its
 * problems shown; a source document, a draft left out by include / exclude, or a disabled folder's draft has
 * its findings cleared. Problems of the data behind a draft are reported as it is linted.
 */
export class DocumentRouter {
  private readonly reportedBuiltInProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsProvider,
    private readonly knowledge: KnowledgeStore,
    private readonly lints: LintScheduler,
    private readonly dataProblems: DataProblemPublisher,
  ) {}

  /** Handles the open document `uri` as its role says; errors are logged, never thrown. */
  async lint(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const context = await this.settings.forDocument(uri);
      const { config } = context;
      const file = uriToPath(uri);
      const userDataFiles = new Set([...config.lexiconPaths, ...config.factBasePaths].map((p) => path.resolve(p)));
      const role = documentRole(document.languageId, file, config.languages, userDataFiles);
      const configFiles = config.configFile ? [config.configFile] : [];
      this.reportKnowledgeProblems(
        [...config.problems, ...context.knowledge.problems],
        [...configFiles, ...config.lexiconPaths, ...config.factBasePaths],
      );
      if (role.kind === 'config' && file) {
        this.dataProblems.report([file], parseConfigFile(file, document.getText()).problems);
        return;
      }
      if (role.kind === 'data' && file) {
        const knowledge = this.knowledge.get([...config.lexiconPaths, file], [...config.factBasePaths, file]);
        this.dataProblems.report(
          [file],
          knowledge.problems.filter((p) => p.file === file),
        );
        return;
      }
      // a source document is what drafts are checked against, not a draft
      if (role.kind === 'draft' && file && config.sourcePaths.some((source) => isInside(file, source))) {
        this.lints.forget(uri);
        return;
      }
      if (role.kind === 'draft' && file && ignoredBy(file, config.files)) {
        // left out by include / exclude: clear what it showed (also what Lint Workspace published before)
        this.lints.forget(uri);
        return;
      }
      if (role.kind !== 'draft' || !config.enabled) {
        if (this.lints.state(uri)) this.lints.forget(uri);
        return;
      }
      await this.lints.lint(document, role.format, context);
    } catch (error) {
      this.connection.console.error(`ClaimLint: linting ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  /** Handles every open document again (after settings or data changed). */
  relintAll(): void {
    for (const document of this.documents.all()) void this.lint(document.uri);
  }

  /** True for a configuration or data file, or a source document: a change to it changes what drafts are checked against. */
  isDataOrConfig(uri: string): boolean {
    const file = uriToPath(uri);
    return !!file && (path.basename(file) === CONFIG_FILE_NAME || /\.ya?ml$/i.test(file) || this.knowledge.isSourceDocument(file));
  }

  /** Built-in data problems go to the log once each; user files' problems are shown in those files. */
  private reportKnowledgeProblems(problems: readonly DataProblem[], files: readonly string[]): void {
    for (const problem of problems.filter((p) => !path.isAbsolute(p.file))) {
      const line = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
      if (this.reportedBuiltInProblems.has(line)) continue;
      this.reportedBuiltInProblems.add(line);
      this.connection.console.error(`ClaimLint built-in data: ${line}`);
    }
    this.dataProblems.report(
      files,
      problems.filter((p) => path.isAbsolute(p.file)),
    );
  }
}
