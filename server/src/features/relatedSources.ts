/**
 * `relatedInformation` for fact findings: each source passage as a child row of the Problems panel, pointing
 * into the read-only window the extension serves for the article (`claimlint-source:`; see
 * engine/text/sourceWindow.ts), where a click selects the passage.
 */
import type { DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Knowledge, SourceRef } from '../engine';
import { excerpt, sourceWindowUri, wrapKeepingOffsets } from '../engine';
import { pathToUri } from './uris';

/** How much of a passage a child row shows. */
const ROW_CHARS = 100;

const byKnowledge = new WeakMap<Knowledge, (finding: Finding) => DiagnosticRelatedInformation[]>();

/**
 * The related rows of a finding, for one knowledge: the article windows are wrapped once each (the positions
 * of a passage are those of the window, whose lines are wrapped, while its offsets are the seed's).
 */
export function relatedSources(knowledge: Knowledge): (finding: Finding) => DiagnosticRelatedInformation[] {
  let related = byKnowledge.get(knowledge);
  if (related) return related;
  const windows = new Map<string, TextDocument | undefined>();
  const windowOf = (ref: SourceRef): TextDocument | undefined => {
    if (!windows.has(ref.seed)) {
      const article = knowledge.seeds.articles.get(ref.seed);
      // a reporter's source document is shown as it is, in its own file
      const window = !article
        ? undefined
        : ref.file
          ? TextDocument.create(pathToUri(ref.file), 'plaintext', 0, article.text)
          : TextDocument.create(sourceWindowUri(ref.seed, ref.title, ref.outlet), 'plaintext', 0, wrapKeepingOffsets(article.text));
      windows.set(ref.seed, window);
    }
    return windows.get(ref.seed);
  };
  related = (finding) => {
    if (!finding.rule.startsWith('fact.')) return [];
    return (finding.detail.sources ?? []).flatMap((ref): DiagnosticRelatedInformation[] => {
      const window = windowOf(ref);
      if (!window) return [];
      const range = { start: window.positionAt(ref.offset), end: window.positionAt(ref.offset + ref.passage.length) };
      const where = [ref.outlet, ref.date].filter(Boolean).join(', ');
      return [{ location: { uri: window.uri, range }, message: `${where}: \u201C${excerpt(ref.passage, ROW_CHARS)}\u201D` }];
    });
  };
  byKnowledge.set(knowledge, related);
  return related;
}
