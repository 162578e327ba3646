/**
 * Attribution frames, the structure PARC-style corpora annotate: who (source) says (cue) what (content).
 * Found once per sentence from the tagger's parts of speech and lemmas and the attribution vocabulary:
 * "X said (that) Y", "Y, X said", "Y, said X", "according to X", "X told Reuters …", "X, who …, said",
 * "He went on to say", "X is promising lawmakers that", "X's claim that Y", "X issued a statement
 * calling …", passives with "by", colon and dash attribution, and vague sourcing ("reportedly").
 */
import type { Builder } from './frameBuilder';
import type { AttributionFrame, FrameInput } from './frameTypes';
import { colonFrame, dashFrames, documentFrames, introducedFrames, nominalFrames, quotedSpeakers, vagueFrames } from './phraseFrames';
import { verbFrames } from './verbFrames';
import { mergedSpans, withinAny } from '../spans';

export type { AttributionFrame, FrameInput } from './frameTypes';

/** Every attribution frame of one sentence, in order of their cues. */
export function findFrames(input: FrameInput): AttributionFrame[] {
  const builder: Builder = { input, frames: [], taken: new Map(), takenAt: new Set(), cued: new Set(), dropped: new Set() };
  vagueFrames(builder, input.vocabulary.vaguePhrases.findAll(input.text, input.tokens));
  introducedFrames(builder);
  verbFrames(builder);
  nominalFrames(builder);
  colonFrame(builder);
  dashFrames(builder);
  documentFrames(builder);
  quotedSpeakers(builder);
  // "In a statement, the ministry said …": the statement is the ministry's, not a second source
  const named = builder.frames.some((f) => !builder.dropped.has(f) && f.stated && (f.kind === 'named' || f.kind === 'outlet'));
  const frames = builder.frames.filter(
    (f) => !builder.dropped.has(f) && !(named && f.kind === 'document' && f.source?.start === f.cue.start && f.source.end === f.cue.end),
  );
  return unstateNested(frames).sort((a, b) => a.cue.start - b.cue.start);
}

/**
 * "The prime minister intends to call an election": a cue inside what a view or plan holds ("call" under
 * "intends to") reports no statement made; the nested frame is a plan too, so it is marked not stated.
 */
function unstateNested(frames: AttributionFrame[]): AttributionFrame[] {
  // the contents of plans and views, merged once, so each cue is looked up by a binary search
  const held = mergedSpans(frames.flatMap((f) => (!f.stated && f.content ? [f.content] : [])));
  if (held.length === 0) return frames;
  return frames.map((f) => (f.stated && withinAny(held, f.cue) ? { ...f, stated: false } : f));
}
