/**
 * The parts of edit-to-diagnostics, measured in-process for each draft size: the engine's re-lint after a
 * one-character edit in the middle (with the cache the server keeps), the conversion of the findings the
 * server publishes (at most the default `claimlint.maxProblems`, nearest the edit) to LSP diagnostics, and
 * the publishDiagnostics message itself (JSON.stringify on the server, JSON.parse on the
 * client). The server bench measures the whole path over stdio; this shows where its time goes.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { splitChunks } from '../../server/src/engine/document';
import type { Knowledge } from '../../server/src/engine/knowledge/knowledge';
import { LintCache, lintDocument } from '../../server/src/engine/lint';
import { defaultSettings } from '../../server/src/engine/settings';
import { ruleDocLinker } from '../../server/src/features/diagnostics';
import { EDITOR_PROBLEMS_PER_FILE, limitedDiagnostics } from '../../server/src/features/problemLimit';
import { ROOT } from '../helpers/knowledge';
import { wordOffsetNear } from './serverBench';
import { median, now, round } from './stats';

export interface EditPathRow {
  size: number;
  diagnostics: number;
  /** Engine re-lint after the edit, cache warm (median ms). */
  engineMs: number;
  /** Chunks the re-lint analysed (the rest came from the cache). */
  analysedChunks: number;
  /** Findings to LSP diagnostics (median ms). */
  toDiagnosticsMs: number;
  /** JSON.stringify plus JSON.parse of the publishDiagnostics message (median ms). */
  payloadMs: number;
  payloadBytes: number;
}

export function benchEditPath(texts: Map<number, string>, knowledge: Knowledge, edits = 40): EditPathRow[] {
  const settings = defaultSettings();
  const ruleDoc = ruleDocLinker(ROOT);
  const rows: EditPathRow[] = [];
  for (const [size, original] of texts) {
    const cache = new LintCache();
    let text = original;
    lintDocument({ text, format: 'markdown', settings, knowledge, cache });
    const offset = wordOffsetNear(text, Math.floor(text.length / 2));
    const engine: number[] = [];
    const conversion: number[] = [];
    const payload: number[] = [];
    let analysed = 0;
    let bytes = 0;
    let diagnostics = 0;
    for (let i = 0; i < edits; i++) {
      text = i % 2 === 0 ? text.slice(0, offset) + 'x' + text.slice(offset) : text.slice(0, offset) + text.slice(offset + 1);
      let t = now();
      const outcome = lintDocument({ text, format: 'markdown', settings, knowledge, cache });
      engine.push(now() - t);
      // front matter is neither analysed nor reused
      analysed = outcome.chunkCount - outcome.reusedChunks - splitChunks(text, 'markdown').filter((c) => c.kind === 'frontmatter').length;
      const document = TextDocument.create('file:///bench/draft.md', 'markdown', i + 2, text);
      // the server's document keeps its line offsets up to date as edits arrive; build them before timing
      void document.lineCount;
      t = now();
      // as the server does: the problems nearest the edit, up to the default claimlint.maxProblems
      const converted = limitedDiagnostics(document, outcome, offset, EDITOR_PROBLEMS_PER_FILE, ruleDoc).diagnostics;
      conversion.push(now() - t);
      t = now();
      const message = JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/publishDiagnostics',
        params: { uri: document.uri, version: i + 2, diagnostics: converted },
      });
      JSON.parse(message);
      payload.push(now() - t);
      bytes = Buffer.byteLength(message);
      diagnostics = converted.length;
    }
    rows.push({
      size,
      diagnostics,
      engineMs: round(median(engine), 2),
      analysedChunks: analysed,
      toDiagnosticsMs: round(median(conversion), 2),
      payloadMs: round(median(payload), 2),
      payloadBytes: bytes,
    });
  }
  return rows;
}
