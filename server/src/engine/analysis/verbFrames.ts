/** Frames cued by verbs: reporting (said), finding (the report found) and stance (wants to) verbs. */
import type { AttributionVocabulary, CueVerb } from '../knowledge/attributionVocabulary';
import type { Token } from '../text/tokens';
import { isCapitalized, nextWord, previousWord } from '../text/tokens';
import { partitionPoint } from '../partitionPoint';
import type { Span } from '../types';
import { contentAfter, endsSentence, preposedContent } from './content';
import type { Builder } from './frameBuilder';
import { QUOTE_MARKS, add, contentEnd, frameFrom, sourceOf, spanOf } from './frameBuilder';
import type { AttributionFrame, FrameInput } from './frameTypes';
import { phraseEndingAt, phraseStartingAt } from './nounPhrases';
import { agentBefore, clauseSubject, findSubject } from './subjects';
import frames from '../../../../seeds/language/frames.json';
import { wordSet } from '../text/wordLists';

/** Particles after a cue verb that lead to its object. */
const CUE_PARTICLES = wordSet(frames.lists.cueParticles);

/** The cue-verb entry whose particles follow token `i` ("point" + "out"), longest first. */
function cueEntry(tokens: readonly Token[], i: number, entries: readonly CueVerb[]): { entry: CueVerb; last: number } | undefined {
  let best: { entry: CueVerb; last: number } | undefined;
  for (const entry of entries) {
    let last = i;
    let ok = true;
    for (const particle of entry.particles) {
      const next = nextWord(tokens, last);
      if (next < 0 || tokens[next].norm !== particle) {
        ok = false;
        break;
      }
      last = next;
    }
    if (ok && (!best || entry.particles.length > best.entry.particles.length)) best = { entry, last };
  }
  return best;
}

/**
 * True when a cue verb was tagged as a noun in a verb's place: after the subject's head and before what a
 * verb governs ("The Post reports that …", "FEC records show he backed …", "…, the reports show.").
 */
function isMistaggedVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.pos !== 'NOUN' || t.possessive) return false;
  // a subject's head before it ("64 percent call him", "all five say"), never a determiner ("the call")
  const before = tokens[i - 1];
  if (!before || !(before.pos === 'PROPN' || before.pos === 'PRON' || before.pos === 'NOUN' || before.pos === 'NUM')) return false;
  const after = tokens[i + 1];
  if (!after) return true;
  // "The ad claims “…”": what a verb reports follows, whatever noun came before
  if (after.norm === 'that' || after.text === ':' || QUOTE_MARKS.test(after.text)) return true;
  // "64 percent call him competent", "the government claims Gülen runs …", "officials point out that"
  if (after.pos === 'PRON' || after.pos === 'PROPN' || (after.pos === 'ADP' && CUE_PARTICLES.has(after.norm))) return true;
  // otherwise only after a name, a pronoun, a number or a plural: "the reports show.", "records show little"
  if (before.pos === 'NOUN' && before.norm === before.lemma) return false;
  if (/^[.,;!?]$/.test(after.text)) return true;
  return after.pos === 'DET' || after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'NUM';
}

/**
 * The lemma of a cue verb the tagger read as an adjective: an -ing form after "be" ("is promising lawmakers
 * that": "promise") or an -ed form before what it reports ("…, alleged that": "allege").
 */
function adjectiveVerbLemma(tokens: readonly Token[], i: number, vocabulary: AttributionVocabulary): string | undefined {
  const t = tokens[i];
  if (t.pos !== 'ADJ') return undefined;
  let stem: string;
  if (t.norm.endsWith('ing') && tokens[i - 1]?.pos === 'AUX' && tokens[i - 1].lemma === 'be') stem = t.norm.slice(0, -3);
  // ("that" with punctuation: a pattern of structure more than a word list, so it stays a literal)
  else if (t.norm.endsWith('ed') && /^(that|:|["\u201C])$/.test(tokens[i + 1]?.norm ?? '')) stem = t.norm.slice(0, -2);
  else return undefined;
  const undoubled = stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : stem;
  const forms = [stem + 'e', stem, undoubled, stem.endsWith('i') ? stem.slice(0, -1) + 'y' : stem];
  return forms.find((form) => vocabulary.cueVerbs.has(form));
}

/** True when the verb at `i` is passive: a form of "be" or "get" before it, and not an -ing form. */
function isPassive(tokens: readonly Token[], i: number): boolean {
  if (tokens[i].norm.endsWith('ing')) return false;
  let j = i - 1;
  while (j >= 0 && tokens[j].pos === 'ADV') j--;
  return j >= 0 && tokens[j].pos === 'AUX' && (tokens[j].lemma === 'be' || tokens[j].lemma === 'get');
}

/** Reporting, finding and stance verbs with their subjects. */
export function verbFrames(builder: Builder): void {
  const { input } = builder;
  const { tokens, vocabulary } = input;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const adjectival = adjectiveVerbLemma(tokens, i, vocabulary);
    const entries =
      vocabulary.cueVerbs.get(t.lemma) ?? vocabulary.cueVerbs.get(t.norm) ?? (adjectival ? vocabulary.cueVerbs.get(adjectival) : undefined);
    if (!entries) {
      quotationVerbFrame(builder, i);
      complementVerbFrame(builder, i);
      continue;
    }
    if (!(t.pos === 'VERB' || t.pos === 'X' || adjectival || isMistaggedVerb(tokens, i))) continue;
    if (builder.takenAt.has(t.start)) continue;
    const found = cueEntry(tokens, i, entries);
    if (!found) continue;
    // "South Carolina state Reps.", "the Clinton campaign": a bare verb form right after a name or a noun is
    // part of a compound noun (not "as Vulture put it")
    if (t.norm === t.lemma && found.entry.particles.length === 0 && isCompoundNoun(tokens, i)) continue;
    // "the Trump campaign said", "the Post reports said": a noun taken for a verb before the real cue
    const following = tokens[found.last + 1];
    if (following?.pos === 'VERB' && (vocabulary.cueVerbs.has(following.lemma) || following.norm.endsWith('ed'))) continue;
    const { entry, last } = found;
    const cue = { start: t.start, end: tokens[last].end };
    if (isPassive(tokens, i)) {
      passiveFrame(builder, i, last, entry, cue);
      continue;
    }
    const addressee = vocabulary.addresseeVerbs.has(adjectival ?? t.lemma);
    const after = contentAfter(input, last, addressee);
    const frame = activeFrame(builder, i, last, entry, cue, after);
    if (frame) add(builder, frame);
  }
}

/** True when the bare form at `i` continues a compound noun: after a name or a singular noun, not a pronoun. */
function isCompoundNoun(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  // a plural before it is a subject: "Officials say", "Republicans say"
  const singular = before !== undefined && before.norm === before.lemma && !(before.pos === 'PROPN' && before.norm.endsWith('s'));
  if (!before || !singular || !(before.pos === 'PROPN' || before.pos === 'NOUN')) return false;
  // "the ministry and the army say": a coordinated subject is plural
  for (let j = i - 2, seen = 0; j >= 0 && seen < 6; j--, seen++) if (tokens[j].norm === 'and') return false;
  return true;
}

/**
 * A verb no list holds that still attributes a quotation by where it stands: between the quotation and its
 * speaker (`"…" beamed Donald Hartley`), after a speaker who follows the quotation and before the clause ends
 * (`"…," he continued.`), or before a comma or colon and a quotation (`then boomed, "…"`).
 */
function quotationVerbFrame(builder: Builder, i: number): void {
  const { input } = builder;
  const { tokens } = input;
  const t = tokens[i];
  // a capitalised "verb" is a name the tagger misread ("The Daily Herald:")
  if (t.pos !== 'VERB' || t.norm.endsWith('ing') || isCapitalized(t.text)) return;
  // `"This is fantastic!" beamed Donald Hartley`
  const mark = tokens[i - 1];
  if (mark && QUOTE_MARKS.test(mark.text) && mark.text !== '\u201C') {
    const speaker = phraseStartingAt(tokens, i + 1);
    const reading = speaker.length > 0 && endsClause(tokens, speaker[speaker.length - 1]) ? sourceOf(input, speaker) : undefined;
    if (reading?.agentive)
      add(builder, frameFrom(reading, spanOf(tokens, speaker), { start: t.start, end: t.end }, preposedContent(input, i)));
    return;
  }
  // "then boomed, “Today, …”", "declared: “…”": a verb no list holds, introducing a quotation
  const next = tokens[i + 1];
  if (next && (next.text === ',' || next.text === ':') && QUOTE_MARKS.test(tokens[i + 2]?.text ?? '') && tokens[i + 2].text !== '\u201D') {
    const subject = findSubject(tokens, i);
    const reading = subject.length > 0 ? sourceOf(input, subject) : undefined;
    if (reading?.agentive)
      add(
        builder,
        frameFrom(reading, spanOf(tokens, subject), { start: t.start, end: t.end }, { start: tokens[i + 2].start, end: contentEnd(input) }),
      );
    return;
  }
  if (!endsClause(tokens, i)) return;
  const phrase = phraseEndingAt(tokens, i - 1);
  const before = tokens[phrase[0] - 1];
  if (phrase.length === 0 || phrase.length > 6 || !before || !QUOTE_MARKS.test(before.text) || before.text === '\u201C') return;
  const reading = sourceOf(input, phrase);
  if (!reading || !reading.agentive) return;
  add(builder, frameFrom(reading, spanOf(tokens, phrase), { start: t.start, end: t.end }, preposedContent(input, phrase[0])));
}

/**
 * "Carson signaled that …", "the court ruled that …": a verb no list holds, but whose subject names someone
 * and whose complement is what they hold or said. The frame marks the content as theirs without sourcing the
 * sentence (an unknown verb may be a view, a finding or an act).
 */
function complementVerbFrame(builder: Builder, i: number): void {
  const { input } = builder;
  const { tokens } = input;
  const t = tokens[i];
  const next = tokens[i + 1];
  if (t.pos !== 'VERB' || isCapitalized(t.text) || !next || !(next.norm === 'that' && next.pos === 'SCONJ') || builder.cued.has(t.start))
    return;
  const phrase = findSubject(tokens, i);
  const reading = phrase.length > 0 ? sourceOf(input, phrase) : undefined;
  if (!reading?.agentive || reading.kind === 'document') return;
  add(
    builder,
    frameFrom(reading, spanOf(tokens, phrase), { start: t.start, end: t.end }, { start: next.start, end: contentEnd(input) }, false),
  );
}

/** True when token `i` is followed by the end of the sentence, a comma or "and" ("Trump barked and …"). */
function endsClause(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next === undefined || /^[,.;!?]$/.test(next.text) || next.pos === 'CCONJ';
}

function passiveFrame(builder: Builder, i: number, last: number, entry: CueVerb, cue: Span): void {
  const { input } = builder;
  const { tokens } = input;
  const by = nextWord(tokens, last);
  if (by >= 0 && tokens[by].norm === 'by') {
    const phrase = phraseStartingAt(tokens, by + 1);
    const reading = sourceOf(input, phrase);
    if (reading)
      add(
        builder,
        frameFrom(reading, spanOf(tokens, phrase), cue, { start: input.sentence.start, end: tokens[i - 1]?.start ?? cue.start }),
      );
    return;
  }
  const after = contentAfter(input, last, false);
  // "Ackman is convinced that …", "voters were worried that …": the subject holds the view
  if (after?.shape === 'complement' && tokens.find((t) => t.start === after.start)?.norm === 'that' && entry.verbClass !== 'speech') {
    const phrase = findSubject(tokens, i);
    const holder = phrase.length > 0 ? sourceOf(input, phrase) : undefined;
    if (holder && holder.kind !== 'document')
      add(builder, frameFrom(holder, spanOf(tokens, phrase), cue, { start: after.start, end: contentEnd(input) }, false));
    if (holder) return;
  }
  // "the plan was announced", "Trump is expected to win": a cue with no source
  if (entry.verbClass === 'stance') return;
  add(
    builder,
    frameFrom({ kind: 'none', agentive: false }, undefined, cue, after ? { start: after.start, end: contentEnd(input) } : undefined),
  );
}

/** Verbs that report someone "as saying" ("quoted Peskov as saying", "was cited by Reuters as saying"). */
const QUOTING_VERBS = wordSet(frames.lists.quotingVerbs);

/**
 * For an "-ing" cue after "as" ("as saying"), the person quoted: the object of an active quoting verb
 * ("Interfax quoted Peskov as saying") or the subject of a passive one ("Peskov was quoted by Interfax as
 * saying"). Empty otherwise.
 */
function quotedSpeaker(tokens: readonly Token[], i: number): number[] {
  const as = previousWord(tokens, i);
  if (!tokens[i].norm.endsWith('ing') || as < 0 || tokens[as].norm !== 'as') return [];
  let verb = -1;
  for (let k = previousWord(tokens, as), seen = 0; k >= 0 && seen < 8 && verb < 0; k = previousWord(tokens, k), seen++) {
    if (QUOTING_VERBS.has(tokens[k].lemma) && (tokens[k].pos === 'VERB' || tokens[k].norm.endsWith('ed'))) verb = k;
  }
  if (verb < 0) return [];
  const next = nextWord(tokens, verb);
  if (next >= 0 && tokens[next].norm === 'by') return findSubject(tokens, verb);
  const phrase = next >= 0 && next < as ? phraseStartingAt(tokens, next) : [];
  return phrase.filter((k) => k < as);
}

/**
 * True when the head of a phrase after an inverted cue can be a speaker: a name, a pronoun, a noun of
 * people, institutions or documents, a title, or a known entity ("…, said the minister"). "…, claimed
 * victory over the Islamic State" has an object there, not a speaker.
 */
function headNamesSomeone(input: FrameInput, phrase: readonly number[]): boolean {
  const { tokens, vocabulary } = input;
  const joint = phrase.findIndex((k, n) => n > 0 && tokens[k].pos === 'ADP');
  const head = tokens[joint > 0 ? phrase[joint - 1] : phrase[phrase.length - 1]];
  if (head.pos === 'PROPN' || head.pos === 'PRON' || isCapitalized(head.text)) return true;
  const nouns = [vocabulary.agentNouns, vocabulary.institutionNouns, vocabulary.vagueNouns, vocabulary.documentNouns];
  if (nouns.some((set) => set.has(head.norm) || set.has(head.lemma))) return true;
  return (
    input.mentions.some((m) => m.start <= head.start && m.end >= head.end) ||
    input.titles.some((t) => t.start <= head.start && t.end >= head.end)
  );
}

function activeFrame(
  builder: Builder,
  i: number,
  last: number,
  entry: CueVerb,
  cue: Span,
  after: ReturnType<typeof contentAfter>,
): AttributionFrame | undefined {
  const { input } = builder;
  const { tokens } = input;
  const end = contentEnd(input);
  const before = tokens[i - 1];
  const afterQuoteOrComma = before !== undefined && (before.text === ',' || QUOTE_MARKS.test(before.text));
  // "…," said Lavrov. / "…," said the minister, adding …
  // a verb whose object is the person told never inverts: "Assad, for his part, thanked the army"
  const invertible =
    entry.verbClass === 'speech' && !tokens[i].norm.endsWith('ing') && !input.vocabulary.addresseeVerbs.has(tokens[i].lemma);
  if ((afterQuoteOrComma || i === 0) && invertible) {
    const phrase = phraseStartingAt(tokens, last + 1);
    // the speaker ends the clause, unless a verb follows ("said the minister was wrong" reports a clause)
    // or "as" does ("…, described the war as three years old": the phrase is what is described)
    const following = tokens[phrase[phrase.length - 1] + 1];
    const closes =
      phrase.length > 0 &&
      !(following && (following.pos === 'VERB' || following.pos === 'AUX' || following.norm === 'that' || following.norm === 'as'));
    const reading = closes && headNamesSomeone(input, phrase) ? sourceOf(input, phrase) : undefined;
    if (reading && reading.kind !== 'document') return frameFrom(reading, spanOf(tokens, phrase), cue, preposedContent(input, i));
  }
  // "Interfax quoted Peskov as saying …", "Peskov was quoted by Interfax as saying …": the one quoted speaks
  const quoted = quotedSpeaker(tokens, i);
  if (quoted.length > 0) {
    const reading = sourceOf(input, quoted);
    if (reading) return frameFrom(reading, spanOf(tokens, quoted), cue, after ? { start: after.start, end: contentEnd(input) } : undefined);
  }
  let phrase = findSubject(tokens, i);
  // "a statement issued by the Iraqi military claiming …": the agent of the noun the cue follows
  const agent = tokens[i].norm.endsWith('ing') ? agentBefore(tokens, i) : [];
  if (agent.length > 0) phrase = agent;
  // "…, saying …", "issued a statement slamming …": an -ing cue's source is its clause's subject
  else if (tokens[i].norm.endsWith('ing') && (phrase.length === 0 || afterQuoteOrComma || (before && before.pos === 'NOUN'))) {
    let governing: AttributionFrame | undefined;
    for (let k = builder.frames.length - 1; k >= 0 && !governing; k--)
      if (builder.frames[k].cue.end <= cue.start && builder.frames[k].source) governing = builder.frames[k];
    if (governing) return frameFrom(governing, governing.source, cue, after ? { start: after.start, end } : undefined, governing.stated);
    phrase = clauseSubject(tokens, i);
  }
  if (phrase.length === 0) return undefined;
  let reading = sourceOf(input, phrase);
  if (!reading) return undefined;
  let source = spanOf(tokens, phrase);
  // "people familiar with the matter said": the vague phrase opens the subject
  let gap = source.start;
  while (gap > 0 && /\s/.test(input.text[gap - 1])) gap--;
  const vague = builder.taken.get(gap);
  if (vague?.frame && !builder.dropped.has(vague.frame)) {
    builder.dropped.add(vague.frame);
    reading = { kind: 'vague', agentive: true };
    source = { start: vague.span.start, end: source.end };
  }
  // (from where the source starts once a vague opener joined it: "…, a source close to the Kremlin said")
  const sourceFirst = partitionPoint(tokens, (t) => t.start < source.start);
  const preposed = after ? undefined : preposedContent(input, sourceFirst < tokens.length ? sourceFirst : phrase[0]);
  // a stance's object is what it is about ("endorsed Cruz on Wednesday"); anything said runs to the end
  const content = after ? { start: after.start, end: entry.verbClass === 'stance' ? (after.end ?? end) : end } : preposed;
  const stated = !isProspective(tokens, i, input.vocabulary.prospective);
  switch (entry.verbClass) {
    case 'speech':
      // "will add 3,400 homes", "claimed 40 lives": a quantity is counted, not said
      if (after?.shape === 'object' && /^[\d$£€¥]/.test(input.text.slice(after.start, after.start + 1))) return undefined;
      // "Trump spoke at a rally" attributes nothing; "Mrs. Clinton said." after a quotation does
      return content || endsSentence(tokens, last) ? frameFrom(reading, source, cue, content, stated) : undefined;
    case 'finding': {
      // "agreed to expel", "decided to …": a plan, not a statement
      const plan = after !== undefined && tokens.find((t) => t.start === after.start)?.norm === 'to';
      // a thing's finding ("the move shows that …") is a frame, but it sources nothing
      const sourcing = reading.agentive || reading.kind === 'document' || reading.kind === 'outlet' || reading.kind === 'vague';
      // "the report found", "researchers found that", "…, the reports show", "voters believe the economy is …"
      if (after?.shape === 'complement' || after?.shape === 'clause' || (!after && preposed))
        return frameFrom(reading, source, cue, content, stated && !plan && sourcing);
      if ((reading.kind === 'document' || reading.kind === 'outlet') && content) return frameFrom(reading, source, cue, content, stated);
      return undefined;
    }
    case 'stance': {
      // a view held, not an act: "Clinton wants to …", "the couple worried that …" (never "the bill supports …")
      if (reading.kind === 'document') return undefined;
      const propositional = after !== undefined && after.shape !== 'object';
      if (!reading.agentive && !propositional) return undefined;
      // "endorsed Cruz", "hailed the nomination" report a stance too, when someone takes it
      return after || preposed ? frameFrom(reading, source, cue, content, false) : undefined;
    }
  }
}

/**
 * True when the cue at `cue` is under a modal or a raising word ("will announce", "is set to announce",
 * "is expected to say"): the statement has not been made.
 */
function isProspective(tokens: readonly Token[], cue: number, prospective: ReadonlySet<string>): boolean {
  for (let i = cue - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const t = tokens[i];
    if (prospective.has(t.norm)) return true;
    if (!(t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART')) return false;
  }
  return false;
}
