/**
 * Core types of the ClaimLint engine. The engine is pure: it maps text and options to findings
 * and knows nothing of LSP or VS Code.
 *
 * Invariant: every offset is a half-open UTF-16 code-unit offset into the original document text
 * (a plain JavaScript string index), never into a derived or masked copy of different length.
 */

import type { RuleId } from './ruleRegistry';

export type { RuleId } from './ruleRegistry';

/** Severity names as the CLI prints them; LSP severities are mapped from these at the edge. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** One replacement of `[start, end)` by `newText`. */
export interface TextEdit extends Span {
  newText: string;
}

/** A quick fix the editor can apply; edits never overlap. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True for the fix an editor should offer first. */
  preferred?: boolean;
}

/** Where a fact or a usage example comes from: a passage of a seed article. */
export interface SourceRef {
  /** File name of the seed under `seeds/`. */
  seed: string;
  title: string;
  outlet: string;
  /** ISO date of the article (see `dateBasis`). */
  date: string;
  /** Whether the date is stated in the article or inferred, and how. */
  dateBasis: string;
  /** The verbatim passage of the seed. */
  passage: string;
  /** UTF-16 offset of `passage` in the seed text. */
  offset: number;
  /** Who the source attributes the passage to ("Interfax quoting Lavrov", "unattributed in the source"). */
  attribution?: string;
  /** For a reporter's source document (not a seed): its absolute path, where "Open source passage" goes. */
  file?: string;
}

/** Everything a hover card needs, so hovers never re-analyse the document. */
export interface FindingDetail {
  /** One or two sentences on why the phrase was flagged. */
  reason: string;
  /** The source's own value or wording, where the finding compares against one. */
  expected?: string;
  /** Neutral alternatives (loaded terms). */
  alternatives?: string[];
  /** Style-guide note (loaded terms). */
  note?: string;
  /** Plain statement of the fact the finding relies on. */
  fact?: string;
  /** Provenance: the fact's passage, or for loaded terms how the seeds used the word. */
  sources?: SourceRef[];
  /** Other sides of a dispute the sources record. */
  disputedBy?: { statement: string; source: SourceRef }[];
  /** For a reported claim that disputes the sources: who the draft says claims it, and what they claim. */
  reported?: { by: string; claim: string };
}

/** A single flagged span. */
export interface Finding extends Span {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Id of the fact-base or lexicon entry behind the finding, when there is one. */
  entryId?: string;
  /** The matched term, for allow-list fixes (loaded terms). */
  term?: string;
  /** Finer kind within the rule: the claim kind of an unattributed claim, the slot type of a contradiction. */
  kind?: string;
  /** The words can go without loss (an intensifier, a certainty marker): editors may fade them. */
  unnecessary?: boolean;
  detail: FindingDetail;
  fixes: Fix[];
}

/** The formats ClaimLint reads: Markdown is parsed, plain text is read whole. */
export type DocumentFormat = 'markdown' | 'plaintext';

/** A problem in a data file (fact base, lexicon, `.claimlint.yaml`), positioned for editors and terminals. */
export interface DataProblem extends Span {
  file: string;
  /** 1-based line and column of `start`, as terminals print them. */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** The YAML path of the offending node, when the problem is about one. */
  path?: (string | number)[];
}

/** Kinds of claim the attribution rule can ask a source for. */
export const CLAIM_KINDS = [
  'figures',
  'dates',
  'superlatives',
  'comparisons',
  'causal',
  'predictions',
  'accusations',
  'intentions',
  'quotes',
  'opinions',
  'trends',
  'statements',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * A data file's name (as shown in messages) and its text: fact bases, lexicons and the vocabularies are built
 * from these, never from disk. (A *source document* is something else: a reporter's source, see engine/sources/.)
 */
export interface DataFileText {
  file: string;
  text: string;
}

/**
 * What a rule module declares for each rule it reports (see rules/index.ts, the registry). `npm run generate`
 * writes the declarations into ruleRegistry.ts, which the rest of the engine, the manifest and the client read.
 */
export interface RuleDeclaration {
  /** Stable public id, `family.kind`. */
  id: string;
  /** The part of the id before the dot: a selector in inline directives, a count in the status bar. */
  family: string;
  defaultSeverity: Severity;
  /** One sentence on what the rule flags (settings, SARIF, the README's rule table). */
  summary: string;
  /** How the default severity varies, when it does (the README's rule table). */
  defaultNote?: string;
  /** False for a family the editor's status bar does not count. */
  countedInStatusBar?: boolean;
}
