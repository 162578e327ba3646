/**
 * Attribution frames, the structure PARC-style corpora annotate: who (source) says (cue) what (content).
 * Found once per sentence from the tagger's parts of speech and lemmas and the attribution vocabulary:
 * "X said (that) Y", "Y, X said", "Y, said X", "according to X", "X told Reuters …", "X, who …, said",
 * "He went on to say", "X is promising lawmakers that", "X's claim that Y", "X issued a statement
 * calling …", passives with "by", colon and dash attribution, and vague sourcing ("reportedly").
 */
import type { AttributionVocabulary } from '../knowledge/attributionVocabulary';
import type { Mention } from '../knowledge/entityMatcher';
import type { Quotation } from '../text/quotes';
import type { Token } from '../text/tokens';
import type { Span } from '../types';
import type { Builder } from './frameBuilder';
import { colonFrame, dashFrames, documentFrames, introducedFrames, nominalFrames, quotedSpeakers, vagueFrames } from './phraseFrames';
import type { SourceKind } from './sourceKind';
import { verbFrames } from './verbFrames';

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

/** Every attribution frame of one sentence, in order of their cues. */
export function findFrames(input: FrameInput): AttributionFrame[] {
  const builder: Builder = { input, frames: [], taken: [] };
  vagueFrames(builder, input.vocabulary.vaguePhrases.findAll(input.text, input.tokens));
  introducedFrames(builder);
  verbFrames(builder);
  nominalFrames(builder);
  colonFrame(builder);
  dashFrames(builder);
  documentFrames(builder);
  quotedSpeakers(builder);
  // "In a statement, the ministry said …": the statement is the ministry's, not a second source
  const named = builder.frames.some((f) => f.stated && (f.kind === 'named' || f.kind === 'outlet'));
  const frames = named ? builder.frames.filter((f) => !(f.kind === 'document' && f.source?.start === f.cue.start && f.source.end === f.cue.end)) : builder.frames;
  return frames.sort((a, b) => a.cue.start - b.cue.start);
}
