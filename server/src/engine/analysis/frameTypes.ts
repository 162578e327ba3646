/** The attribution frame and what the frame finders read of a sentence. */
import type { AttributionVocabulary } from '../knowledge/attributionVocabulary';
import type { Mention } from '../knowledge/entityMatcher';
import type { Quotation } from '../text/quotes';
import type { Token } from '../text/tokens';
import type { Span } from '../types';
import type { SourceKind } from './sourceKind';

/** One attribution: its source (absent for "reportedly" and agentless passives), cue and content. */
export interface AttributionFrame {
  kind: SourceKind;
  /** The words naming the source. */
  source?: Span;
  /** The words that attribute: a reporting verb, "according to", a colon. */
  cue: Span;
  /** What is attributed, when the sentence says. */
  content?: Span;
  /** The person, body or outlet the source names, when the fact base knows it. */
  mention?: Mention;
  /** For "X quoted Y as saying": the outlet X, while the source is the speaker Y. */
  outlet?: Mention;
  /** True when the source can hold a view (a person, a body, a pronoun), not a thing. */
  agentive: boolean;
  /**
   * True when the frame reports a statement made ("said", "according to", "the report found"); false for a
   * view or plan held ("wants to", "believes") or a statement not yet made ("will announce"), which leave
   * an editor still asking who says so.
   */
  stated: boolean;
  /** Set when the frame was carried over from an earlier sentence (the paragraph continues its account). */
  carriedFrom?: AttributionFrame;
  /** For a pronoun source: the earlier frame whose source it stands for. */
  antecedent?: AttributionFrame;
}

/** What the frame finder reads of one sentence. */
export interface FrameInput {
  text: string;
  tokens: readonly Token[];
  /** The sentence's span (content runs to its end at most). */
  sentence: Span;
  vocabulary: AttributionVocabulary;
  mentions: readonly Mention[];
  /** Title phrases of the sentence ("foreign minister"). */
  titles: readonly Span[];
  /** The block's quotations. */
  quotes: readonly Quotation[];
  /**
   * True for an offset inside quoted words (a quotation, a block quote): a cue there is the quoted
   * speaker's sourcing, never the writer's, and gives no frame.
   */
  isQuoted: (offset: number) => boolean;
}
