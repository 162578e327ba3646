import type { QuoteReading, SentenceAnalysis } from '../analysis/blockAnalysis';
import { sentenceEndingAt } from '../analysis/blockAnalysis';
import type { Knowledge } from '../knowledge/knowledge';
import { partitionPoint } from '../partitionPoint';
import type { Token } from '../text/tokens';
import { isCapitalized } from '../text/tokens';
import type { Finding, RuleDeclaration } from '../types';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';
import loaded from '../../../../seeds/language/loaded.json';
import { wordSet } from '../text/wordLists';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const LOADED_SCARE_QUOTE = {
  id: 'loaded.scare-quote',
  family: 'loaded',
  defaultSeverity: 'information',
  summary: 'Quotation marks around a word of the writer\u2019s own sentence, with nobody to give it to, that cast doubt on it.',
} as const satisfies RuleDeclaration;

/** "his", "their": like a possessive name, they give the quoted term to someone ("her "50-state strategy""). */
const POSSESSIVE_DETERMINERS = wordSet(loaded.lists.quoteOwners);

/**
 * Scare quotes hold one word. On published news (PolNeAR), quoted phrases of two words or more, and
 * hyphenated coinages, were mostly terms of art ("super PAC", "conscience clause", "pre-agreement") or a
 * speaker's words attributed in another sentence, so only single plain words are read.
 */
const isOneWord = (text: string, reading: QuoteReading): boolean =>
  reading.words === 1 && !/[-\u2010\u2011]/.test(text.slice(reading.quote.innerStart, reading.quote.innerEnd));

/** The last word token ending at or before `offset` in the sentence (found by binary search, then past marks). */
function wordBefore(sentence: SentenceAnalysis, offset: number): SentenceAnalysis['tokens'][number] | undefined {
  for (let i = partitionPoint(sentence.tokens, (t) => t.end <= offset) - 1; i >= 0; i--) {
    if (sentence.tokens[i].kind !== 'punct') return sentence.tokens[i];
  }
  return undefined;
}

/** What a sentence offers to account for a short quotation, read once per sentence. */
interface SentenceAccount {
  /** Where naming words end ("so-called", "the slogan"). */
  namingEnds: ReadonlySet<number>;
  /**
   * True when a verb or noun of speech is in the sentence ("told", "called", "the notion that"), whether or not
   * the frame finder could tie it to the quotation: the words may be that speaker's, and a scare-quote
   * finding needs the writer to be the only one who could have chosen them.
   */
  speaks: boolean;
}

function accountOf(
  text: string,
  sentence: SentenceAnalysis,
  knowledge: Knowledge,
  cache: Map<SentenceAnalysis, SentenceAccount>,
): SentenceAccount {
  let account = cache.get(sentence);
  if (!account) {
    const { cueVerbs, nominalCues } = knowledge.attribution;
    account = {
      namingEnds: new Set(knowledge.attribution.quotedNaming.findAll(text, sentence.tokens).map((m) => m.end)),
      speaks: sentence.tokens.some(
        (t) =>
          (t.pos === 'VERB' && cueVerbs.get(t.lemma)?.some((c) => c.verbClass === 'speech')) ||
          (t.pos === 'NOUN' && nominalCues.has(t.lemma)),
      ),
    };
    cache.set(sentence, account);
  }
  return account;
}

/**
 * True when the quoted word reads as a name or a title: capitalised, or a number ("Brexit", "13th"). A
 * capitalised word at a sentence's start counts too: a title opening a sentence ("“Billions,” on Showtime, …")
 * is far likelier there than a scare quote.
 */
function looksLikeName(text: string, reading: QuoteReading): boolean {
  const word = text.slice(reading.quote.innerStart, reading.quote.innerEnd).trim();
  return isCapitalized(word) || /^\p{N}/u.test(word);
}

/**
 * True when something gives the quoted word to someone or presents it as a name: a speaker (its own, or
 * another quotation's of the paragraph), a word of speech anywhere in the sentence, a possessive right before it ("Moscow's "martyrs""), or naming words ("so-called", "the slogan", "known as").
 */
function isAccountedFor(reading: QuoteReading, sentence: SentenceAnalysis, account: SentenceAccount): boolean {
  if (reading.speaker || account.speaks) return true;
  const before = wordBefore(sentence, reading.quote.start);
  if (!before) return false;
  return before.possessive || POSSESSIVE_DETERMINERS.has(before.norm) || account.namingEnds.has(before.end);
}

/**
 * True when the quoted words hold a term of the loaded-term lexicon ("martyrs", "special military operation"):
 * quotation marks there keep someone else's loaded word at a distance, as the lexicon advises, rather than
 * casting doubt on an ordinary one.
 */
function distancesLoadedTerm(text: string, quoted: readonly Token[], knowledge: Knowledge): boolean {
  return knowledge.lexicon.terms.findAll(text, quoted).length > 0;
}

/**
 * True when the quoted word is a verb ("submit", "blessed"): somebody's word quoted; scare quotes hold a name
 * for a thing or a quality.
 */
const holdsVerb = (quoted: readonly Token[]): boolean => quoted.some((t) => t.pos === 'VERB' || t.pos === 'AUX');

/** True when the quoted word is a pronoun ("she" is a "he"): a word mentioned, not a label. */
const onlyPronouns = (quoted: readonly Token[]): boolean => quoted.every((t) => t.kind === 'punct' || t.pos === 'PRON');

/** The sentence's tokens inside the quotation marks. */
function quotedTokens(reading: QuoteReading, sentence: SentenceAnalysis): Token[] {
  const { innerStart, innerEnd } = reading.quote;
  return sentence.tokens.slice(
    partitionPoint(sentence.tokens, (t) => t.start < innerStart),
    partitionPoint(sentence.tokens, (t) => t.end <= innerEnd),
  );
}

/**
 * Flags scare quotes: quotation marks the writer puts around one plain word of their own sentence with no
 * one to give it to ("North Korea held another "election""), which cast doubt in the writer's voice.
 * Attributed partial quotes, names and titles, words mentioned as words, quoted clauses, loaded terms
 * kept at a distance and quotations inside block quotes are left alone.
 */
export function findScareQuotes(context: RuleContext): Finding[] {
  const severity = severityOf(context.settings, 'loaded.scare-quote');
  // in technical writing quotation marks hold literal strings and option values, not doubt
  if (!severity || context.genre === 'technical') return [];
  const text = context.chunk.text;
  const findings: Finding[] = [];
  const accounts = new Map<SentenceAnalysis, SentenceAccount>();
  for (const block of context.chunk.blocks) {
    if (block.quoted || block.kind !== 'paragraph') continue;
    for (const reading of block.speakers) {
      const { quote } = reading;
      if (!quote.closed || !isOneWord(text, reading)) continue;
      const sentence = sentenceEndingAt(block.sentences, quote.end);
      if (!sentence || sentence.start > quote.start) continue;
      const quoted = quotedTokens(reading, sentence);
      if (looksLikeName(text, reading) || holdsVerb(quoted) || onlyPronouns(quoted)) continue;
      if (distancesLoadedTerm(text, quoted, context.knowledge)) continue;
      if (isAccountedFor(reading, sentence, accountOf(text, sentence, context.knowledge, accounts))) continue;
      const words = text.slice(quote.innerStart, quote.innerEnd);
      findings.push({
        rule: 'loaded.scare-quote',
        severity,
        start: quote.start,
        end: quote.end,
        message: `Quotation marks around "${words}" cast doubt in the writer's voice: say who uses the word, or describe what happened without it.`,
        detail: {
          reason:
            'Scare quotes tell readers not to believe a word without saying who used it or why it is wrong; AP and Reuters ask for attribution or a plain description instead.',
          alternatives: ['(say who calls it that)', '(remove the quotation marks and describe)'],
        },
        fixes: [
          {
            title: 'Remove the quotation marks',
            edits: [
              { start: quote.start, end: quote.innerStart, newText: '' },
              { start: quote.innerEnd, end: quote.end, newText: '' },
            ],
            preferred: false,
          },
        ],
      });
    }
  }
  return findings;
}

/** The scare-quote rule engine. */
export const scareQuotesRule: Rule = { ids: ['loaded.scare-quote'], run: findScareQuotes };
