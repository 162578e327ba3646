/** What the frame finders share: the frame under construction, and reading a source phrase. */
import type { Token } from '../text/tokens';
import type { Span } from '../types';
import type { AttributionFrame, FrameInput } from './frameTypes';
import type { SourceReading } from './sourceKind';
import { readSourcePhrase } from './sourceKind';

export const QUOTE_MARKS = /^["\u201C\u201D\u00AB\u00BB\u2018\u2019\u201E']$/;

export const DASHES = /^[\u2014\u2015\u2013-]$/;

/** Words between a subject and its verb that do not change who speaks ("has also said", "would not say"). */
export const isSkippable = (t: Token): boolean =>
  t.pos === 'ADV' || t.pos === 'AUX' || (t.pos === 'PART' && t.norm !== 'to') || t.norm === 'not';

export interface Builder {
  input: FrameInput;
  frames: AttributionFrame[];
  /** Spans of vague phrases and introducers, by where they end, with the frame each gave, if any. */
  taken: Map<number, { span: Span; frame?: AttributionFrame }>;
  /** Every offset a taken span covers. */
  takenAt: Set<number>;
  /** Every offset some frame's cue covers: a later frame on the same words is not added. */
  cued: Set<number>;
  /** Frames merged into a later one, left out of the result. */
  dropped: Set<AttributionFrame>;
}

export function sourceOf(input: FrameInput, phrase: readonly number[]): SourceReading | undefined {
  const hasTitle = (start: number, end: number): boolean => input.titles.some((t) => t.start >= start && t.end <= end);
  return readSourcePhrase(input.tokens, phrase, input.vocabulary, input.mentions, hasTitle);
}

export const spanOf = (tokens: readonly Token[], phrase: readonly number[]): Span => ({
  start: tokens[phrase[0]].start,
  end: tokens[phrase[phrase.length - 1]].end,
});

/** The end of the sentence's words: before its final punctuation and closing marks. */
export function contentEnd(input: FrameInput): number {
  const { tokens } = input;
  let i = tokens.length - 1;
  while (i > 0 && tokens[i].kind === 'punct' && !QUOTE_MARKS.test(tokens[i].text)) i--;
  return tokens[i]?.end ?? input.sentence.end;
}

/** Marks `span` as taken by a vague phrase or an introducer (that gave `frame`); its words cue no other frame. */
export function take(builder: Builder, span: Span, frame?: AttributionFrame): void {
  builder.taken.set(span.end, frame ? { span, frame } : { span });
  for (let at = span.start; at < span.end; at++) builder.takenAt.add(at);
}

/** Adds `frame` unless its cue is quoted or another frame's cue covers the same words; true when added. */
export function add(builder: Builder, frame: AttributionFrame): boolean {
  const { cue } = frame;
  if (builder.input.isQuoted(cue.start)) return false;
  for (let at = cue.start; at < cue.end; at++) if (builder.cued.has(at)) return false;
  for (let at = cue.start; at < cue.end; at++) builder.cued.add(at);
  builder.frames.push(frame);
  return true;
}

export function frameFrom(
  reading: SourceReading,
  source: Span | undefined,
  cue: Span,
  content: Span | undefined,
  stated = true,
): AttributionFrame {
  const frame: AttributionFrame = { kind: reading.kind, cue, agentive: reading.agentive, stated };
  if (source) frame.source = source;
  if (content && content.end > content.start) frame.content = content;
  if (reading.mention) frame.mention = reading.mention;
  return frame;
}
