import type { Connection } from 'vscode-languageserver/node';
import type { SourceIndexer } from '../workspace/knowledgeStore';

/** How long the indexer reads before it lets the server answer the editor (edits, hovers) again. */
const SLICE_MS = 20;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Reads source documents in the background, in short slices between the editor's requests, with a progress
 * notification ("ClaimLint: reading source documents — 120 of 2,000"); when done, `onFinished` relints the
 * open drafts against them. A document that fails to read is logged and skipped; the rest are read.
 */
export function backgroundIndexer(connection: Connection, onFinished: () => void): SourceIndexer {
  return (files, readOne, finished) => {
    void (async () => {
      const started = Date.now();
      const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('ClaimLint: reading source documents', 0, `0 of ${files.length}`, false);
      let slice = Date.now();
      for (const [i, file] of files.entries()) {
        try {
          readOne(file);
        } catch (error) {
          connection.console.error(`ClaimLint: reading the source document ${file} failed: ${(error as Error).stack ?? String(error)}`);
        }
        if (Date.now() - slice >= SLICE_MS) {
          progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1} of ${files.length}`);
          await nextTurn();
          slice = Date.now();
        }
      }
      progress?.done();
      finished();
      connection.console.log(`ClaimLint read ${files.length} source document(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      onFinished();
    })();
  };
}
