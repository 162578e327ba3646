import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataProblem } from '../engine';
import { shownProblems } from '../engine';
import { problemDiagnostics } from './diagnostics';
import { pathToUri } from './uris';

/**
 * Publishes problems of data files (`.claimlint.yaml`, user fact bases and lexicons) as diagnostics in those
 * files, and clears them when a file is fixed. Each report covers a set of files completely.
 */
export class DataProblemPublisher {
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly readText: (file: string) => string | undefined,
  ) {}

  /** Publishes `problems` for `files`: every file listed gets its problems, or none. */
  report(files: readonly string[], problems: readonly DataProblem[]): void {
    for (const file of new Set([...files, ...problems.map((p) => p.file)])) {
      const mine = shownProblems(problems.filter((p) => p.file === file));
      const uri = pathToUri(file);
      const key = JSON.stringify(mine.map((p) => [p.start, p.end, p.message]));
      if (this.published.get(uri) === key) continue;
      this.published.set(uri, key);
      const document = this.getDocument(uri);
      const text = document?.getText() ?? this.readText(file) ?? '';
      void this.connection.sendDiagnostics({ uri, diagnostics: problemDiagnostics(document, text, mine) });
    }
  }
}
