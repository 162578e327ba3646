import type { AttributionFrame } from '../analysis/frames';
import type { QuoteReading } from '../analysis/blockAnalysis';
import { sentenceEndingAt } from '../analysis/blockAnalysis';
import type { Mention } from '../knowledge/entityMatcher';
import type { Entity, Fact } from '../knowledge/factTypes';
import type { Knowledge } from '../knowledge/knowledge';
import type { Token } from '../text/tokens';
import { isCapitalized, tokenize } from '../text/tokens';
import type { Finding, RuleDeclaration, Severity } from '../types';
import { factDetail, sourceMessage } from './factMessages';
import { readSentenceFacts } from '../facts/sentenceFacts';
import { outletIsChannel } from '../facts/outletChannel';
import { alignQuote } from './quoteAlignment';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';
import grammar from '../../../../seeds/language/grammar.json';
import quotes from '../../../../seeds/language/quotes.json';
import { wordSet } from '../text/wordLists';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const FACT_MISQUOTE = {
  id: 'fact.misquote',
  family: 'fact',
  defaultSeverity: 'error',
  summary: 'Quoted words given to a known speaker differ from what the source records.',
} as const satisfies RuleDeclaration;

export const FACT_MISATTRIBUTION = {
  id: 'fact.misattribution',
  family: 'fact',
  defaultSeverity: 'error',
  summary: 'A quote the fact base records from one speaker is given to another.',
} as const satisfies RuleDeclaration;

/** The articles. */
const ARTICLES = wordSet(grammar.lists.articles);

interface RecordedQuote {
  fact: Fact;
  words: string[];
}

const STOPWORDS = wordSet(quotes.lists.stopwords);

const indexes = new WeakMap<Knowledge['facts'], Map<string, RecordedQuote[]>>();

function words(text: string): { tokens: Token[]; words: string[] } {
  const tokens = tokenize(text).filter((t) => t.kind !== 'punct');
  return { tokens, words: tokens.map((t) => t.norm) };
}

/** Recorded quotes indexed by their content words. */
function quoteIndex(facts: Knowledge['facts']): Map<string, RecordedQuote[]> {
  let index = indexes.get(facts);
  if (!index) {
    index = new Map();
    for (const fact of facts.quotes) {
      const recorded = { fact, words: words(fact.quote?.text ?? '').words };
      for (const w of new Set(recorded.words)) {
        if (STOPWORDS.has(w)) continue;
        const list = index.get(w) ?? [];
        list.push(recorded);
        index.set(w, list);
      }
    }
    indexes.set(facts, index);
  }
  return index;
}

function speakerEntities(fact: Fact, knowledge: Knowledge): Entity[] {
  return (fact.quote?.speakers ?? []).map((id) => knowledge.facts.entities.get(id)).filter((e): e is Entity => e !== undefined);
}

function sameEntity(entity: Entity, ids: readonly string[]): boolean {
  return ids.includes(entity.id) || (entity.standsFor ?? []).some((id) => ids.includes(id));
}

const PROPER_NAME = /\p{Lu}[\p{L}'\u2019-]+(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?\p{Lu}[\p{L}'\u2019-]+)+/gu;

/**
 * A proper name of at least two capitalised words in a speaker phrase (someone the fact base may not know);
 * a phrase with a title ("The President of Russian Federation") describes an office, not a name.
 */
function namesSomeone(text: string, knowledge: Knowledge): boolean {
  const tokens = tokenize(text);
  // words that describe rather than name: titles, articles, and the names of countries, bodies and outlets
  const described = [
    ...knowledge.vocabulary.titles.findAll(text, tokens),
    ...knowledge.facts.mentions.find(text, tokens).filter((m) => m.entity.type !== 'person'),
  ];
  const naming = tokens.filter(
    (t) =>
      t.kind === 'word' && isCapitalized(t.text) && !ARTICLES.has(t.norm) && !described.some((d) => d.start <= t.start && d.end >= t.end),
  );
  for (let i = 1; i < naming.length; i++) {
    const gap = text.slice(naming[i - 1].end, naming[i].start);
    // a pattern of spacing with a few particles in it: a literal, since the engine builds no RegExp from data
    if (/^(\s+|\s*-\s*|\s+(al|el|bin|de|van|von)-?\s*)$/i.test(gap) || /^-$/.test(gap)) return true;
  }
  return false;
}

/** The words naming the credited speaker: the person mention, else the last proper name in the phrase. */
function creditedName(text: string, frame: AttributionFrame): { start: number; end: number } {
  if (frame.mention?.entity.type === 'person') return { start: frame.mention.start, end: frame.mention.end };
  const source = frame.source ?? frame.cue;
  const phrase = text.slice(source.start, source.end);
  let last: RegExpExecArray | undefined;
  PROPER_NAME.lastIndex = 0;
  for (let m = PROPER_NAME.exec(phrase); m; m = PROPER_NAME.exec(phrase)) last = m;
  if (last) return { start: source.start + last.index, end: source.start + last.index + last[0].length };
  return frame.mention ? { start: frame.mention.start, end: frame.mention.end } : { start: source.start, end: source.end };
}

const recordedWordSets = new WeakMap<RecordedQuote, Set<string>>();

/** The share of `draft` words that occur anywhere in the recorded quote. */
function sharedShare(draft: readonly string[], recorded: RecordedQuote): number {
  let set = recordedWordSets.get(recorded);
  if (!set) {
    set = new Set(recorded.words);
    recordedWordSets.set(recorded, set);
  }
  let shared = 0;
  for (const w of draft) if (set.has(w)) shared++;
  return shared / draft.length;
}

/** How many of a draft quotation's rarest words find the recordings it is compared with. */
const RAREST_WORDS = 4;

function bestRecorded(
  draft: string[],
  index: Map<string, RecordedQuote[]>,
): { recorded: RecordedQuote; alignment: ReturnType<typeof alignQuote> } | undefined {
  // recordings that hold one of the draft's rarest words: the one it quotes holds nearly all of them, and
  // the commonest words reach most of a large source library
  const postings = [...new Set(draft)]
    .filter((w) => !STOPWORDS.has(w))
    .map((w) => index.get(w) ?? [])
    .filter((list) => list.length > 0)
    .sort((a, b) => a.length - b.length)
    .slice(0, RAREST_WORDS);
  const candidates = new Set<RecordedQuote>();
  for (const list of postings) for (const r of list) candidates.add(r);
  // the share of draft words the recording holds at all bounds the alignment score: candidates are aligned
  // from the highest share down, and once a share cannot beat the best so far no later one can (a source
  // library of thousands of quotations shares some word with most drafts)
  const ranked = [...candidates].map((recorded) => ({ recorded, share: sharedShare(draft, recorded) })).sort((a, b) => b.share - a.share);
  let best: { recorded: RecordedQuote; alignment: ReturnType<typeof alignQuote> } | undefined;
  for (const { recorded, share } of ranked) {
    if (best && share <= best.alignment.score) break;
    const alignment = alignQuote(draft, recorded.words);
    if (!best || alignment.score > best.alignment.score) best = { recorded, alignment };
  }
  return best;
}

/** Short quotations ("legitimate") are checked only against the quotes of facts the sentence is about. */
function shortRecorded(
  draft: string[],
  contextFacts: readonly Fact[],
): { recorded: RecordedQuote; alignment: ReturnType<typeof alignQuote> } | undefined {
  for (const fact of contextFacts) {
    const recordedWords = words(fact.quote?.text ?? '').words;
    if (recordedWords.length === 0 || recordedWords.length > 2) continue;
    return { recorded: { fact, words: recordedWords }, alignment: alignQuote(draft, recordedWords) };
  }
  return undefined;
}

/** Pronoun speakers ("he said") are trusted for wording checks only on long, closely matching quotes. */
const PRONOUN_MIN_WORDS = 6;
const PRONOUN_MIN_SCORE = 0.7;

function checkQuote(
  text: string,
  reading: QuoteReading,
  knowledge: Knowledge,
  contextFacts: readonly Fact[],
  severities: { misquote?: Severity; misattribution?: Severity; contradiction?: Severity },
  sentenceMentions: readonly Mention[],
  tokens: readonly Token[],
): Finding[] {
  const { misquote, misattribution } = severities;
  const speaker = reading.speaker;
  if (!speaker || speaker.kind === 'vague') return [];
  const inner = text.slice(reading.quote.innerStart, reading.quote.innerEnd);
  const draft = words(inner);
  if (draft.words.length === 0) return [];
  const short = draft.words.length < 3;
  // a short quote is read against the quotes of the facts the sentence speaks of, and against what its
  // named speaker is recorded saying ("the Iraqi military said its forces had “largely liberated” …")
  const speakerId = speaker.mention?.entity.id;
  const bySpeaker = (): Fact[] =>
    speakerId ? knowledge.facts.quotes.filter((f) => !contextFacts.includes(f) && (f.quote?.speakers ?? []).includes(speakerId)) : [];
  const best = short
    ? shortRecorded(draft.words, [...contextFacts, ...bySpeaker()])
    : bestRecorded(draft.words, quoteIndex(knowledge.facts));
  if (!best) return [];
  const { recorded, alignment } = best;
  if (speaker.kind === 'pronoun' && (draft.words.length < PRONOUN_MIN_WORDS || alignment.score < PRONOUN_MIN_SCORE)) return [];
  const fact = recorded.fact;
  const speakerIds = fact.quote?.speakers ?? [];
  const sourceWords = words(fact.quote?.text ?? '');
  const windowText =
    alignment.to > alignment.from
      ? (fact.quote?.text ?? '').slice(sourceWords.tokens[alignment.from].start, sourceWords.tokens[alignment.to - 1].end)
      : (fact.quote?.text ?? '');
  // among the named sources around the quote, a recorded speaker wins; else the one naming someone else
  const named = reading.candidates.filter((c) => c.kind === 'named');
  const recordedSource = named.find((c) => c.mention && sameEntity(c.mention.entity, speakerIds));
  const otherPerson =
    named.find((c) => c.mention?.entity.type === 'person') ??
    named.find((c) => c.source && namesSomeone(text.slice(c.source.start, c.source.end), knowledge));
  const credited = recordedSource ?? (speaker.kind === 'named' && !speaker.mention && otherPerson ? otherPerson : speaker);
  const creditedWords = credited.source ?? credited.cue;
  const speakerText = text.slice(creditedWords.start, creditedWords.end);
  const entity = credited.mention?.entity;
  const byRecordedSpeaker =
    credited.kind === 'pronoun' ||
    (entity ? sameEntity(entity, speakerIds) || (entity.type === 'outlet' && fact.quote?.outlet === entity.id) : false);
  const findings: Finding[] = [];
  if (byRecordedSpeaker && alignment.score >= 0.6) {
    const outletConflict = wrongOutlet(fact, knowledge, sentenceMentions, tokens, severities.contradiction);
    if (outletConflict) findings.push(outletConflict);
  }
  if (!byRecordedSpeaker) {
    if (entity?.type === 'outlet') return [];
    if (!misattribution || alignment.score < (short ? 1 : 0.8) || speakerIds.length === 0 || reading.inherited) return [];
    const knownOther = entity && (entity.type === 'person' || entity.type === 'organisation' || entity.type === 'group');
    if (!knownOther && !namesSomeone(speakerText, knowledge)) return [];
    const expected = speakerEntities(fact, knowledge)[0]?.name ?? speakerIds[0];
    const span = creditedName(text, credited);
    const { start, end } = span;
    return [
      {
        rule: 'fact.misattribution',
        severity: misattribution,
        start,
        end,
        message: sourceMessage(text.slice(start, end), `these words are ${expected}'s`, fact.sourceRef),
        entryId: fact.id,
        detail: factDetail(`The source gives this quotation to ${expected}, not to ${speakerText}.`, expected, fact),
        fixes: [{ title: `Give the quote to ${expected}`, edits: [{ start, end, newText: expected }], preferred: true }],
        kind: 'misattribution',
      },
    ];
  }
  if (!misquote || alignment.score < (short ? 0 : 0.5) || (alignment.changed.length === 0 && alignment.omittedAfter.length === 0))
    return findings;
  if (/\.\.\.|\u2026|\[/.test(inner)) return findings;
  const flagged =
    alignment.changed.length > 0
      ? alignment.changed
      : alignment.omittedAfter.map((i) => Math.max(0, Math.min(i + 1, draft.tokens.length - 1)));
  const first = draft.tokens[flagged[0]];
  const last = draft.tokens[flagged[flagged.length - 1]];
  const start = reading.quote.innerStart + first.start;
  const end = reading.quote.innerStart + last.end;
  const trailing = /[,.!?]+$/.exec(inner)?.[0] ?? '';
  const replacement = windowText + (windowText.endsWith(trailing) ? '' : trailing);
  return [
    ...findings,
    {
      rule: 'fact.misquote',
      severity: misquote,
      start,
      end,
      message: sourceMessage(text.slice(start, end), `\u201C${windowText}\u201D`, fact.sourceRef),
      entryId: fact.id,
      detail: factDetail(`The quoted words differ from what the source records ("${text.slice(start, end)}").`, windowText, fact),
      fixes: [
        {
          title: "Use the source's exact words",
          edits: [
            {
              start: reading.quote.innerStart,
              end: reading.quote.innerEnd,
              newText: isCapitalized(inner) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement,
            },
          ],
          preferred: true,
        },
      ],
      kind: 'misquote',
    },
  ];
}

/** A contradiction when the sentence credits the recorded quote to another outlet than the one that carried it. */
function wrongOutlet(
  fact: Fact,
  knowledge: Knowledge,
  mentions: readonly Mention[],
  tokens: readonly Token[],
  severity: Severity | undefined,
): Finding | undefined {
  const recordedOutlet = fact.quote?.outlet ? knowledge.facts.entities.get(fact.quote.outlet) : undefined;
  if (!severity || !recordedOutlet) return undefined;
  const outlets = mentions.filter((m) => m.entity.type === 'outlet' && m.kind === 'alias');
  if (outlets.some((m) => m.entity.id === recordedOutlet.id)) return undefined;
  const channel = outlets.find((m) => outletIsChannel(tokens, m.first, m.last));
  if (!channel) return undefined;
  return {
    rule: 'fact.contradiction',
    severity,
    start: channel.start,
    end: channel.end,
    message: sourceMessage(channel.entity.name, `${recordedOutlet.name} carried this quote`, fact.sourceRef),
    entryId: fact.id,
    detail: factDetail(
      `The source says ${recordedOutlet.name} carried these words, not ${channel.entity.name}.`,
      recordedOutlet.name,
      fact,
    ),
    fixes: [
      {
        title: `Replace with the source's "${recordedOutlet.name}"`,
        edits: [{ start: channel.start, end: channel.end, newText: recordedOutlet.name }],
        preferred: true,
      },
    ],
    kind: 'outlet',
  };
}

/**
 * `fact.misquote` and `fact.misattribution`: quotations whose words the fact base records. Given to a
 * recorded speaker, they must match the source's words (a changed, added or dropped word is pointed at);
 * given by name to someone else, they are misattributed. Quotes with ellipses or bracketed insertions are
 * not checked for wording.
 */
export function findQuoteProblems(context: RuleContext): Finding[] {
  const severities = {
    misquote: severityOf(context.settings, 'fact.misquote'),
    misattribution: severityOf(context.settings, 'fact.misattribution'),
    contradiction: severityOf(context.settings, 'fact.contradiction'),
  };
  if (!severities.misquote && !severities.misattribution && !severities.contradiction) return [];
  const text = context.chunk.text;
  const findings: Finding[] = [];
  for (const block of context.chunk.blocks) {
    for (const quote of block.speakers) {
      const closing = sentenceEndingAt(block.sentences, quote.quote.end) ?? block.sentences[0];
      if (!closing) continue;
      const contextFacts = readSentenceFacts(text, closing, context.knowledge.facts).candidates.filter((f) => f.quote);
      for (const finding of checkQuote(text, quote, context.knowledge, contextFacts, severities, closing.mentions, closing.tokens))
        findings.push(finding);
    }
  }
  return findings;
}

/** The quote-checking rule engine. */
export const quotesRule: Rule = { ids: ['fact.misquote', 'fact.misattribution', 'fact.contradiction'], run: findQuoteProblems };
