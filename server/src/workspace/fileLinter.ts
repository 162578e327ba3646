import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataProblem, Finding, Severity } from '../engine';
import { lintDocument } from '../engine';
import { ConfigResolver } from './configResolver';
import { readBuiltInFiles, readDataFile } from './dataFiles';
import { formatOfFile, readDraft } from './draftFiles';
import { KnowledgeStore } from './knowledgeStore';

/** A finding as the CLI reports it: LSP-style 0-based lines and UTF-16 characters. */
export interface ReportedFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The result of linting one file. `skipped` holds the reason a file could not be linted. */
export interface FileResult {
  file: string;
  findings: ReportedFinding[];
  skipped?: string;
  /** Problems in configuration, fact-base or lexicon files met while linting this file. */
  problems: DataProblem[];
  truncatedAt?: number;
  truncatedBecause?: string;
}

function reported(file: string, document: TextDocument, finding: Finding): ReportedFinding {
  return {
    file,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
  };
}

/** A draft to lint: its path, the name it is reported under, and where the configuration search stops. */
export interface DraftToLint {
  path: string;
  shownAs: string;
  searchRoot: string;
}

/**
 * Lints files from disk with the built-in data, `.claimlint.yaml` discovery (or an explicit config file)
 * and user fact bases and lexicons; shared by the CLI's main thread and its workers.
 */
export class FileLinter {
  private readonly resolver = new ConfigResolver(readDataFile);
  private readonly store = new KnowledgeStore(readBuiltInFiles(), readDataFile);

  /** `extraSources`: source documents or folders (absolute) read besides those the configuration names (`--sources`). */
  constructor(
    private readonly explicitConfig?: string,
    private readonly extraSources: readonly string[] = [],
  ) {}

  lint({ path: file, shownAs, searchRoot }: DraftToLint): FileResult {
    const read = readDraft(file);
    if (!read.ok) return { file: shownAs, findings: [], skipped: read.reason, problems: [] };
    const config = this.resolver.resolve(file, this.explicitConfig ? { configFile: this.explicitConfig } : { searchRoot });
    const knowledge = this.store.get(config.lexiconPaths, config.factBasePaths, [...config.sourcePaths, ...this.extraSources]);
    const problems = [...config.problems, ...knowledge.problems.filter((p) => path.isAbsolute(p.file))];
    if (!config.enabled) return { file: shownAs, findings: [], problems };
    const format = formatOfFile(file);
    const outcome = lintDocument({ text: read.text, format, settings: config.settings, knowledge });
    const document = TextDocument.create('file:///draft', format, 0, read.text);
    return {
      file: shownAs,
      findings: outcome.findings.map((f) => reported(shownAs, document, f)),
      problems,
      ...(outcome.truncatedAt !== undefined ? { truncatedAt: outcome.truncatedAt, truncatedBecause: outcome.truncatedBecause } : {}),
    };
  }
}
