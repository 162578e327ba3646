import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat, LintOutcome } from '../engine';
import { LintCache, lintDocumentInSlices } from '../engine';
import { configNotice } from './configNotice';
import { FindingStore } from './findingStore';
import type { OffsetChange } from './findingStore';
import type { DocumentContext } from './settings';
import { limitedDiagnostics } from './problemLimit';
import { relatedSources } from './relatedSources';

/** Per-document state; dropped when the document closes. */
export interface DraftState {
  store: FindingStore;
  cache: LintCache;
  format: DocumentFormat;
  timer?: NodeJS.Timeout;
  debounceMs: number;
  /** Where the user last edited (an offset in the current text), once they have. */
  focus?: number;
  /** How many findings the last lint reported (before the Problems limit), once linted. */
  findings?: number;
}

const pauseForEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Lints drafts as the user types: debounced after edits, immediately on open, only for the latest version
 * (work for a superseded version stops at the next time slice and publishes nothing).
 */
export class LintScheduler {
  private readonly states = new Map<string, DraftState>();

  constructor(
    private readonly connection: Connection,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly ruleDoc: (rule: string) => string,
    private readonly onLinted: (uri: string, outcome: LintOutcome) => void,
  ) {}

  state(uri: string): DraftState | undefined {
    return this.states.get(uri);
  }

  /** Number of drafts with state (for tests and memory checks). */
  get size(): number {
    return this.states.size;
  }

  /** Keeps stored findings aligned with an edit until the next lint. */
  noteChange(uri: string, change: OffsetChange): void {
    const state = this.states.get(uri);
    if (!state) return;
    state.store.applyChange(change);
    state.focus = change.start;
  }

  /** Lints after the document's debounce delay, replacing any pending lint. */
  schedule(uri: string, run: () => void): void {
    const state = this.states.get(uri);
    if (!state) return run();
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      run();
    }, state.debounceMs);
  }

  /** Lints `document` now under `context`; publishes diagnostics unless a newer version superseded it. */
  async lint(document: TextDocument, format: DocumentFormat, context: DocumentContext): Promise<LintOutcome | undefined> {
    let state = this.states.get(document.uri);
    if (!state || state.format !== format) {
      state = { store: new FindingStore(), cache: new LintCache(), format, debounceMs: context.debounceMs };
      this.states.set(document.uri, state);
    }
    state.debounceMs = context.debounceMs;
    const version = document.version;
    const isCurrent = (): boolean => this.getDocument(document.uri)?.version === version;
    // edits already received but not yet applied come first: linting a version they replace is wasted work
    await pauseForEvents();
    if (!isCurrent()) return undefined;
    const outcome = await lintDocumentInSlices(
      {
        text: document.getText(),
        format,
        settings: context.config.settings,
        knowledge: context.knowledge,
        cache: state.cache,
        isCancelled: () => !isCurrent(),
      },
      pauseForEvents,
    );
    if (outcome.cancelled || !isCurrent()) return undefined;
    const { shown, diagnostics } = limitedDiagnostics(
      document,
      outcome,
      state.focus,
      context.maxProblems,
      this.ruleDoc,
      relatedSources(context.knowledge),
    );
    // a configuration that could not be read in full is said once, on the first line, beside the findings
    const notice = configNotice(document, [...context.config.problems, ...context.knowledge.problems]);
    if (notice) diagnostics.unshift(notice);
    // hovers and quick fixes answer for the squiggles the editor shows
    state.store.set(shown, version);
    state.findings = outcome.count;
    await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
    this.onLinted(document.uri, outcome);
    return outcome;
  }

  /** Clears a draft's diagnostics and forgets its state. */
  forget(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
