/** What the frame finders share: the frame under construction, and reading a source phrase. */
import type { Token } from '../text/tokens';
import type { Span } from '../types';
import type { AttributionFrame, FrameInput } from './frameTypes';
import type { SourceReading } from './sourceKind';
import { readSource } from './sourceKind';

export const QUOTE_MARKS = /^["\u201C\u201D\u00AB\u00BB\u2018\u2019\u201E']$/;

export const DASHES = /^[\u2014\u2015\u2013-]$/;

/** Words between a subject and its verb that do not change who speaks ("has also said", "would not say"). */
export const isSkippable = (t: Token): boolean => t.pos === 'ADV' || t.pos === 'AUX' || (t.pos === 'PART' && t.norm !== 'to') || t.norm === 'not';

export interface Builder {
  input: FrameInput;
  frames: AttributionFrame[];
  taken: Span[];
}

export function sourceOf(input: FrameInput, phrase: readonly number[]): SourceReading | undefined {
  const hasTitle = (start: number, end: number): boolean => input.titles.some((t) => t.start >= start && t.end <= end);
  return readSource(input.tokens, phrase, input.vocabulary, input.mentions, hasTitle);
}

export const spanOf = (tokens: readonly Token[], phrase: readonly number[]): Span => ({ start: tokens[phrase[0]].start, end: tokens[phrase[phrase.length - 1]].end });

/** The end of the sentence's words: before its final punctuation and closing marks. */
export function contentEnd(input: FrameInput): number {
  const { tokens } = input;
  let i = tokens.length - 1;
  while (i > 0 && tokens[i].kind === 'punct' && !QUOTE_MARKS.test(tokens[i].text)) i--;
  return tokens[i]?.end ?? input.sentence.end;
}

export function add(builder: Builder, frame: AttributionFrame): void {
  if (builder.input.isQuoted(frame.cue.start) || builder.frames.some((f) => f.cue.start < frame.cue.end && f.cue.end > frame.cue.start)) return;
  builder.frames.push(frame);
}

export function frameFrom(reading: SourceReading, source: Span | undefined, cue: Span, content: Span | undefined, stated = true): AttributionFrame {
  const frame: AttributionFrame = { kind: reading.kind, cue, agentive: reading.agentive, stated };
  if (source) frame.source = source;
  if (content && content.end > content.start) frame.content = content;
  if (reading.mention) frame.mention = reading.mention;
  return frame;
}
