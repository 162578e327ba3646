import type { AttributionVocabulary } from '../../knowledge/attributionVocabulary';
import type { Mention } from '../../knowledge/entityMatcher';
import type { Token } from '../../text/tokens';
import type { Span } from '../../types';
import { longestNonOverlapping } from '../../text/phrases';
import { isCapitalized } from '../../text/tokens';

/** How a source is named: by name or function, by pronoun (carried over), by a document, or not at all. */
export type SourceKind = 'named' | 'pronoun' | 'document' | 'vague';

/** A source found in a sentence: the words naming it and the reporting cue. */
export interface SourceMention {
  kind: SourceKind;
  start: number;
  end: number;
  /** The reporting cue ("said", "according to"); equal to the source span for vague adverbs. */
  cueStart: number;
  cueEnd: number;
  /** The person, organisation or outlet the source names, when the fact base knows it. */
  mention?: Mention;
  /** For "X quoted Y as saying": the outlet X, while `mention` is the speaker Y. */
  outlet?: Mention;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who', 'which', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those']);
const SKIPPABLE = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'also', 'later', 'then', 'further', 'again', 'previously',
  'repeatedly', 'recently', 'earlier', 'once', 'separately', 'publicly', 'privately', 'did', 'does', 'do', 'would', 'will',
  'could', 'may', 'might', 'can', 'not', 'never', 'long', 'first', 'last', 'yesterday', 'today', 'tonight', 'already', 'still',
  'often', 'always', 'had', 'even', 'both', 'all', 'each', 'widely', 'since', 'consistently', 'flatly', 'simply',
]);
const STOPS = new Set([
  'that', 'which', 'when', 'as', 'if', 'because', 'while', 'and', 'but', 'or', 'to', 'in', 'on', 'at', 'for', 'with', 'from',
  'by', 'after', 'before', 'than', 'into', 'about', 'over', 'under', 'says', 'said', 'say', 'saying', 'adding', 'told',
]);
const INNER = new Set(['of', 'for', 'and']);
const MAX_NP = 9;

function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind !== 'punct';
}

/** Token indexes of the noun phrase ending just before `index` (skipping auxiliaries and adverbs). */
function phraseBefore(tokens: readonly Token[], index: number): number[] {
  let i = index - 1;
  while (i >= 0 && isWord(tokens[i]) && (SKIPPABLE.has(tokens[i].norm) || (/ly$/.test(tokens[i].norm) && !isCapitalized(tokens[i].text)))) i--;
  if (i >= 0 && tokens[i].text === ',') {
    // skip a parenthetical or apposition: "Assad, for his part, thanked", "Lavrov, Russia's foreign minister, said"
    for (let j = i - 1, words = 0; j >= 0 && words <= 24; j--) {
      if (tokens[j].text === ',') {
        i = j;
        break;
      }
      if (tokens[j].kind === 'punct' && !/^[.'\u2019-]$/.test(tokens[j].text)) break;
      if (tokens[j].kind !== 'punct') words++;
    }
    if (tokens[i].text === ',') i--;
  }
  const np: number[] = [];
  while (i >= 0 && np.length < MAX_NP) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      const glued = t.text === '.' || /^[-\u2010\u2011&]$/.test(t.text);
      if (glued && t.end === tokens[i + 1]?.start && i > 0 && tokens[i - 1].end === t.start) {
        i--;
        continue;
      }
      break;
    }
    if (DETERMINERS.has(t.norm)) {
      np.unshift(i);
      break;
    }
    if (np.length > 0 && INNER.has(t.norm) && isCapitalized(tokens[i - 1]?.text ?? '')) {
      np.unshift(i);
      i--;
      continue;
    }
    if (STOPS.has(t.norm) && !isCapitalized(t.text)) break;
    // a lower-case participle or -ing form ends a subject: "voters received polling cards listing …"
    if (!isCapitalized(t.text) && /(ed|ing)$/.test(t.norm) && t.norm.length > 4) break;
    if (PRONOUNS.has(t.norm)) {
      if (np.length === 0) np.unshift(i);
      break;
    }
    np.unshift(i);
    i--;
  }
  return np;
}

/** Token indexes of the noun phrase starting just after `index`. */
function phraseAfter(tokens: readonly Token[], index: number): number[] {
  const np: number[] = [];
  for (let i = index + 1; i < tokens.length && np.length < MAX_NP; i++) {
    const t = tokens[i];
    if (t.kind === 'punct') {
      const glued = t.text === '.' || /^[-\u2010\u2011&]$/.test(t.text);
      if (glued && np.length > 0 && tokens[i - 1].end === t.start && tokens[i + 1]?.start === t.end) continue;
      break;
    }
    const next = tokens[i + 1];
    const continues =
      /^(of|for|and|by|from)$/.test(t.norm) && (isCapitalized(next?.text ?? '') || (next?.norm === 'the' && isCapitalized(tokens[i + 2]?.text ?? '')));
    if (np.length > 0 && STOPS.has(t.norm) && !continues) break;
    np.push(i);
  }
  return np;
}

/** Classifies the noun phrase naming a source. */
function classify(
  tokens: readonly Token[],
  np: readonly number[],
  vocabulary: AttributionVocabulary,
  mentions: readonly Mention[],
  sentenceStart: number,
): { kind: SourceKind; mention?: Mention } | undefined {
  if (np.length === 0) return undefined;
  const words = np.map((i) => tokens[i]);
  const head = words[words.length - 1];
  if (words.length === 1 && PRONOUNS.has(head.norm)) return { kind: 'pronoun' };
  const start = words[0].start;
  const end = head.end;
  const inside = mentions.filter((m) => m.start >= start && m.end <= end);
  const named = inside.filter((m) => m.kind !== 'adjective' && m.entity.type !== 'country');
  const longestFirst = [...named].sort((a, b) => b.end - a.end || a.start - b.start);
  const person = longestFirst.find((m) => m.entity.type === 'person') ?? longestFirst[0];
  const countries = inside.filter((m) => m.entity.type === 'country' && m.kind === 'alias');
  const properWords = words.filter(
    (w, k) =>
      isCapitalized(w.text) &&
      !vocabulary.unnamingModifiers.has(w.norm) &&
      !vocabulary.vagueNouns.has(w.norm) &&
      !(np[k] === sentenceStart && (DETERMINERS.has(w.norm) || vocabulary.documentNouns.has(w.norm) || vocabulary.institutionNouns.has(w.norm))) &&
      !inside.some((m) => m.kind === 'adjective' && m.start <= w.start && m.end >= w.end),
  );
  if (vocabulary.vagueNouns.has(head.norm) && named.length === 0 && properWords.length === 0 && countries.length === 0) return { kind: 'vague' };
  if (vocabulary.documentNouns.has(head.norm)) {
    const unnamed = words[0].norm === 'a' || words[0].norm === 'an';
    return { kind: unnamed && properWords.length === 0 && named.length === 0 ? 'vague' : 'document', ...(person ? { mention: person } : {}) };
  }
  return { kind: 'named', ...(person ? { mention: person } : {}) };
}

const BE = /^(is|are|was|were|be|been|being|'s|'re)$/;
/** Verbs that put their subject after them in news style (`"…," said Lavrov`). */
const INVERTIBLE = /^(said|says|added|adds|asked|noted|wrote|explained|insisted|continued|stated|declared|recalled|replied|warned|argued|observed|remarked|told|tweeted|posted|announced|according)$/;
const QUOTE_MARKS = /^["\u201C\u201D\u00AB\u00BB\u2018]$/;

/**
 * True when a reporting verb is used to report: lower case, not passive ("is expected to", "ever
 * recorded"), a base form only after a plural or pronoun subject, and for finding verbs ("show", "found",
 * "estimated") only with a complement (that-clause, quotation, colon, a number) or a document or outlet
 * as subject, or at the end of an inverted attribution.
 */
function isReportingUse(
  tokens: readonly Token[],
  first: number,
  last: number,
  verbClass: 'speech' | 'finding',
  base: boolean,
  vocabulary: AttributionVocabulary,
  mentions: readonly Mention[],
): boolean {
  const verb = tokens[first];
  if (isCapitalized(verb.text) && first > 0) return false;
  const before = previousIndex(tokens, first);
  const beforeWord = before >= 0 ? tokens[before].norm : '';
  if (BE.test(beforeWord) && tokens[nextIndex(tokens, last)]?.norm !== 'by') return false;
  if (beforeWord === 'ever' || beforeWord === 'the' || beforeWord === 'a' || beforeWord === 'an') return false;
  const np = phraseBefore(tokens, first);
  const head = np.length > 0 ? tokens[np[np.length - 1]] : undefined;
  // a base form right after a determiner or a singular noun, or before "of", is a noun: "the original
  // estimate", "a research note", "a report of" (after a comma it is a verb: "Critics …, say")
  const previousToken = tokens[first - 1];
  // an -s form after an adjective or determiner is a plural noun: "similar claims", "the reports"
  if (
    !base &&
    verb.norm.endsWith('s') &&
    previousToken?.kind === 'word' &&
    /^(the|these|those|many|several|some|such|new|other|no|two|three|four|five|similar|numerous|further|multiple|repeated|false|unfounded|baseless|earlier|previous|recent|conflicting|competing|rival|initial|preliminary|daily|weekly|annual|unconfirmed|unverified|media|news|press)$/.test(previousToken.norm)
  ) {
    return false;
  }
  if (
    base &&
    (/^(the|a|an|this|that|its|their|his|her|our|my|your|original|latest|new|first)$/.test(beforeWord) ||
      tokens[nextIndex(tokens, last)]?.norm === 'of' ||
      (previousToken?.kind === 'word' &&
        !previousToken.norm.endsWith('s') &&
        !vocabulary.vagueNouns.has(previousToken.norm) &&
        !vocabulary.documentNouns.has(previousToken.norm) &&
        !/^(they|we|i|you|to|will|would|could|can|may|might|did|does|do|not|also|often|still|many|some|most|few|both|all)$/.test(previousToken.norm)))
  ) {
    return false;
  }
  // "the plan will add homes", "to add to the confusion": a base form after a modal or "to" reports nothing
  if (base && /^(will|would|could|may|might|shall|should|must|can|to)$/.test(beforeWord)) return false;
  // "ships calling at Dovrask": an -ing form reports only after a comma ("…, saying") or with a complement
  const ingForm = /ing$/.test(verb.norm) && previousToken?.text !== ',';
  if (verbClass === 'speech' && !ingForm) return true;
  // an attribution appended to the claim: "…, researchers at Edinburgh reported in The Lancet."
  if (appendedAttribution(tokens, first)) return true;
  if (head && (vocabulary.documentNouns.has(head.norm) || vocabulary.vagueNouns.has(head.norm) || mentions.some((m) => m.entity.type === 'outlet' && m.end === head.end))) return true;
  for (let i = last + 1, seen = 0; i < tokens.length && seen < 7; i++) {
    const t = tokens[i];
    if (t.norm === 'that' || QUOTE_MARKS.test(t.text) || t.text === ':') return true;
    if (seen === 0 && (t.text === ',' || /^[.!?]$/.test(t.text))) return true;
    // a reported figure: "disclosed a $45 million loss", "estimated 3,000"
    if (t.kind === 'number' || /^[$£€¥]$/.test(t.text)) return true;
    if (t.kind !== 'punct') seen++;
    else if (t.text !== ',') break;
  }
  return last === tokens.length - 1 || (last === tokens.length - 2 && tokens[last + 1].kind === 'punct');
}

/** True when a short clause after the sentence's last comma names the source: "…, economists at X estimated". */
function appendedAttribution(tokens: readonly Token[], verb: number): boolean {
  let words = 0;
  for (let i = verb - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.text === ',') return words > 0 && words <= 10;
    if (t.kind === 'punct') continue;
    if (/^(that|which|who|and|but|because|while|when|if)$/.test(t.norm) || (!isCapitalized(t.text) && /(ed|ing)$/.test(t.norm) && t.norm.length > 4)) return false;
    words++;
  }
  return false;
}

function previousIndex(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (tokens[i].kind !== 'punct') return i;
  return -1;
}

function nextIndex(tokens: readonly Token[], index: number): number {
  for (let i = index + 1; i < tokens.length; i++) if (tokens[i].kind !== 'punct') return i;
  return -1;
}

/**
 * Finds the sources a sentence names: subjects and objects of reporting verbs ("Lavrov said", "said the
 * minister", "Tass quoted Putin as saying"), phrases after "according to" and the like, and vague sourcing
 * ("reportedly", "it is believed", "officials said"). Tokens inside `quoted` spans are the speaker's words
 * and never count as the writer's sourcing.
 */
export function findSources(
  text: string,
  tokens: readonly Token[],
  vocabulary: AttributionVocabulary,
  mentions: readonly Mention[],
  isQuoted: (offset: number) => boolean,
): SourceMention[] {
  const sources: SourceMention[] = [];
  const sentenceStart = tokens.findIndex((t) => t.kind !== 'punct');
  /** A source of the kind `reading` gives, over the words `np` (or `whole` when there are none), cued at `cue`. */
  const sourceOf = (reading: { kind: SourceKind; mention?: Mention }, np: readonly number[], cue: Span, whole: Span = cue): SourceMention => {
    const source: SourceMention = {
      kind: reading.kind,
      start: np.length ? tokens[np[0]].start : whole.start,
      end: np.length ? tokens[np[np.length - 1]].end : whole.end,
      cueStart: cue.start,
      cueEnd: cue.end,
    };
    if (reading.mention) source.mention = reading.mention;
    return source;
  };
  for (const vague of longestNonOverlapping(vocabulary.vaguePhrases.findAll(text, tokens))) {
    if (isQuoted(vague.start)) continue;
    sources.push({ kind: 'vague', start: vague.start, end: vague.end, cueStart: vague.start, cueEnd: vague.end });
  }
  for (const intro of vocabulary.introducers.findAll(text, tokens)) {
    if (isQuoted(intro.start) || sources.some((s) => s.cueStart <= intro.start && s.cueEnd >= intro.end)) continue;
    const np = phraseAfter(tokens, intro.last);
    const kind = classify(tokens, np, vocabulary, mentions, sentenceStart) ?? { kind: 'named' as SourceKind };
    sources.push(sourceOf(kind, np, intro));
  }
  for (const verb of vocabulary.reportingVerbs.findAll(text, tokens)) {
    if (isQuoted(verb.start) || sources.some((s) => s.kind === 'vague' && s.cueStart <= verb.start && s.cueEnd >= verb.end)) continue;
    if (!isReportingUse(tokens, verb.first, verb.last, verb.value.verbClass, verb.value.base, vocabulary, mentions)) continue;
    const before = phraseBefore(tokens, verb.first);
    let subject = classify(tokens, before, vocabulary, mentions, sentenceStart);
    let np = before;
    const previous = tokens[verb.first - 1];
    const inverted = INVERTIBLE.test(tokens[verb.first].norm) && (!subject || (previous?.kind === 'punct' && /[,\u201D"]/.test(previous.text)));
    if (inverted) {
      const after = phraseAfter(tokens, verb.last);
      const object = classify(tokens, after, vocabulary, mentions, sentenceStart);
      // an inverted speaker ends the clause: `…," said Lavrov.` / `…, said the minister, adding …`
      const closes = after.length > 0 && (after[after.length - 1] === tokens.length - 1 || /^[,.;:!?"\u201D)]$/.test(tokens[after[after.length - 1] + 1]?.text ?? ''));
      if (object && closes) {
        subject = object;
        np = after;
      }
    }
    if (!subject) continue;
    if (/^(quoted|quotes|cited|cites|quoting|citing)$/.test(tokens[verb.first].norm)) {
      const after = phraseAfter(tokens, verb.last);
      const speaker = classify(tokens, after, vocabulary, mentions, sentenceStart);
      if (speaker && after.length > 0) {
        const quoted = sourceOf(speaker, after, verb);
        if (subject.mention) quoted.outlet = subject.mention;
        sources.push(quoted);
        continue;
      }
    }
    sources.push(sourceOf(subject, np, verb));
  }
  // an unnamed document ("a report published …") beside a named source is that source's document
  const named = sources.some((s) => s.kind === 'named');
  return sources.filter((s) => !(named && s.kind === 'vague' && s.cueStart !== s.start && isDocumentPhrase(tokens, s, vocabulary)));
}

function isDocumentPhrase(tokens: readonly Token[], source: SourceMention, vocabulary: AttributionVocabulary): boolean {
  const head = [...tokens].reverse().find((t) => t.end <= source.end && t.kind !== 'punct');
  return head !== undefined && vocabulary.documentNouns.has(head.norm);
}
