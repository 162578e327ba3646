import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Citation, Knowledge } from '../engine';
import { excerpt, factsCited } from '../engine';
import type { DraftReference } from './factBaseView';
import type { DraftState } from './lintScheduler';

/** How much of a finding or sentence a reference row shows. */
const ROW_CHARS = 90;

/**
 * The open drafts' references to facts, for the Fact Base view: the fact findings the editor shows
 * (contradictions, misquotes, misattributions, disputed reports) and the sentences that cite a fact. Citations
 * are read on request, not on every lint, and kept per draft version and knowledge, so an unchanged draft is
 * not read twice.
 */
export class DraftReferences {
  private readonly cited = new Map<string, { version: number; knowledge: Knowledge; citations: Citation[] }>();

  /** References by fact id, over `drafts` (open documents with their lint state). */
  collect(drafts: readonly { document: TextDocument; state: DraftState }[], knowledge: Knowledge): Map<string, DraftReference[]> {
    const byFact = new Map<string, DraftReference[]>();
    const add = (factId: string, reference: DraftReference): void => {
      const list = byFact.get(factId) ?? [];
      list.push(reference);
      byFact.set(factId, list);
    };
    for (const { document, state } of drafts) {
      const at = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
      for (const finding of state.store.overlapping(0, Number.MAX_SAFE_INTEGER)) {
        if (!finding.rule.startsWith('fact.') || !finding.entryId) continue;
        add(finding.entryId, {
          uri: document.uri,
          ...at(finding.start, finding.end),
          relation: 'contradicts',
          text: excerpt(finding.message, ROW_CHARS),
        });
      }
      for (const citation of this.citations(document, state, knowledge)) {
        const sentence = document.getText().slice(citation.start, citation.end);
        add(citation.factId, {
          uri: document.uri,
          ...at(citation.start, citation.end),
          relation: 'cites',
          text: excerpt(sentence, ROW_CHARS),
        });
      }
    }
    return byFact;
  }

  /** Forgets a closed draft. */
  forget(uri: string): void {
    this.cited.delete(uri);
  }

  private citations(document: TextDocument, state: DraftState, knowledge: Knowledge): Citation[] {
    const known = this.cited.get(document.uri);
    if (known && known.version === document.version && known.knowledge === knowledge) return known.citations;
    const citations = factsCited(document.getText(), state.format, knowledge);
    this.cited.set(document.uri, { version: document.version, knowledge, citations });
    return citations;
  }
}
