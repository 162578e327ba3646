/**
 * The features the claim detector reads of one sentence: its claim signals, and the grammar the tagger gives
 * it (part of speech, tense, modality, person, negation, numbers, questions). Features are named strings with
 * the value 1 when present; the learned model (`claimModel.ts`) weighs them, and the training script builds
 * them with this same function, so what is learned is what runs.
 *
 * No feature names a word the training data chose: words appear only as grammatical classes (pronouns,
 * modals, negation) or as the curated classes of `seeds/attribution.yaml`.
 */
import type { AttributionVocabulary } from '../knowledge/attributionVocabulary';
import { findNumbers } from '../text/numbers';
import { tense } from '../text/tense';
import type { Token } from '../text/tokens';
import type { ClaimSignal } from './claims';
import grammar from '../../../../seeds/language/grammar.json';
import claims from '../../../../seeds/language/claims.json';
import numbers from '../../../../seeds/language/numbers.json';
import { wordSet } from '../text/wordLists';

/** Forms of "have" that make a perfect tense. */
const PERFECT_AUXILIARIES = wordSet(grammar.lists.perfectAuxiliaries);
/** Currency signs that make the number after them an amount of money. */
const CURRENCY_SIGNS = wordSet(numbers.lists.currencySigns);
/** Words that make a figure an amount of money. */
const MONEY_WORDS = wordSet(claims.lists.moneyWords);
/** Finite forms of "be" after a subject. */
const BE_FORMS = wordSet(grammar.lists.beForms);

/** What the detector reads: a sentence's tagged tokens, its claim signals and whether it ends in "?". */
export interface ClaimFeatureInput {
  tokens: readonly Token[];
  claims: readonly ClaimSignal[];
  vocabulary: AttributionVocabulary;
}

// Grammatical (closed) classes, as data in seeds/language/grammar.json.
const FIRST_SINGULAR = wordSet(grammar.lists.firstSingular);
const FIRST_PLURAL = wordSet(grammar.lists.firstPlural);
const SECOND = wordSet(grammar.lists.second);
const FUTURE = wordSet(grammar.lists.futureModals);
const POSSIBLE = wordSet(grammar.lists.possibilityModals);
const OBLIGATION = wordSet(grammar.lists.obligationModals);
const CONDITIONAL = wordSet(grammar.lists.conditionalModals);
const NEGATION = wordSet(grammar.lists.negation);
const QUANTIFIERS = wordSet(grammar.lists.quantifiers);
const CONDITION = wordSet(grammar.lists.conditionWords);

function lengthBucket(words: number): string {
  if (words <= 5) return 'len:short';
  if (words <= 12) return 'len:medium';
  if (words <= 25) return 'len:long';
  return 'len:very-long';
}

/** "bigger" (lemma "big"), "larger": an adjective or adverb in its comparative or superlative form. */
function degree(token: Token): 'comparative' | 'superlative' | undefined {
  if ((token.pos !== 'ADJ' && token.pos !== 'ADV') || token.lemma === token.norm) return undefined;
  if (token.norm.endsWith('est')) return 'superlative';
  if (token.norm.endsWith('er')) return 'comparative';
  return undefined;
}

/** The features of one sentence, each present once. */
export function claimFeatures({ tokens, claims, vocabulary }: ClaimFeatureInput): string[] {
  const features = new Set<string>(['bias']);
  for (const claim of claims) features.add('kind:' + claim.kind);
  const words = tokens.filter((t) => t.kind !== 'punct');
  features.add(lengthBucket(words.length));
  let proper = 0;
  let nouns = 0;
  let firstPerson = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const n = t.norm;
    if (t.pos === 'PROPN') proper++;
    if (t.pos === 'NOUN') nouns++;
    if (t.pos === 'ADJ' && /^\p{Lu}/u.test(t.text)) features.add('adj:proper');
    if (t.pos === 'VERB' && t.lemma !== t.norm && !t.norm.endsWith('ing') && tokens[i - 1] && PERFECT_AUXILIARIES.has(tokens[i - 1].norm))
      features.add('perfect');
    if (FIRST_SINGULAR.has(n)) features.add('person:i');
    if (FIRST_PLURAL.has(n)) features.add('person:we');
    if (SECOND.has(n)) features.add('person:you');
    if ((FIRST_SINGULAR.has(n) || FIRST_PLURAL.has(n)) && firstPerson < 0) firstPerson = i;
    if (t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'PART') {
      if (FUTURE.has(n)) features.add('modal:future');
      if (POSSIBLE.has(n)) features.add('modal:possible');
      if (OBLIGATION.has(n)) features.add('modal:obligation');
      if (CONDITIONAL.has(n)) features.add('modal:conditional');
    }
    if (NEGATION.has(n)) features.add('negation');
    if (QUANTIFIERS.has(n)) features.add('quantifier');
    if (CONDITION.has(n)) features.add('condition');
    const d = degree(t);
    if (d) features.add('degree:' + d);
    const tn = tense(t);
    if (tn) features.add('tense:' + tn);
    if (t.pos === 'VERB' && vocabulary.trendVerbs.has(t.lemma)) features.add('trend-verb');
    if (t.pos === 'VERB' && vocabulary.cueVerbs.get(t.lemma)?.some((c) => c.verbClass === 'speech')) features.add('speech-verb');
    if (t.pos === 'VERB' && vocabulary.cueVerbs.get(t.lemma)?.some((c) => c.verbClass === 'stance')) {
      features.add('stance-verb');
      if (firstPerson >= 0 && i - firstPerson <= 3) features.add('first-person-stance');
    }
    if (vocabulary.courtesy.has(t.lemma) || vocabulary.courtesy.has(n)) features.add('courtesy');
  }
  if (proper > 0) features.add(proper > 1 ? 'proper:2+' : 'proper:1');
  features.add(nouns === 0 ? 'nouns:0' : nouns <= 2 ? 'nouns:1-2' : 'nouns:3+');
  if (features.has('person:we') && features.has('modal:future')) features.add('we-will');
  if (features.has('person:i') && features.has('modal:future')) features.add('i-will');
  for (const n of findNumbers(tokens)) {
    // order-of-magnitude counts ("dozens of") are for fact checks; the trained features leave them out
    if (n.range) continue;
    features.add(n.year ? 'number:year' : n.ordinal ? 'number:ordinal' : 'number');
    if (!n.year && !n.ordinal && n.value >= 1000) features.add('number:large');
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === '%' || t.norm === 'percent' || t.norm === 'percentage') features.add('percent');
    if (CURRENCY_SIGNS.has(t.text) || MONEY_WORDS.has(t.norm)) features.add('money');
    if (t.pos === 'VERB' && t.norm.endsWith('ing')) features.add('gerund');
    if (t.pos === 'VERB' && tokens[i - 1]?.norm === 'to') features.add('infinitive');
    if (t.norm === 'there' && BE_FORMS.has(tokens[i + 1]?.norm ?? '')) features.add('existential');
  }
  const last = tokens[tokens.length - 1];
  const ending = last?.text === '"' || last?.text === '\u201D' ? tokens[tokens.length - 2] : last;
  if (ending?.text === '?') features.add('question');
  if (ending?.text === '!') features.add('exclamation');
  const first = words[0];
  if (first && first.pos === 'VERB' && first.lemma === first.norm) features.add('imperative');
  // the shape of the sentence: which parts of speech follow which (sentence edges included)
  let previous = '^';
  for (const t of tokens) {
    if (t.pos === 'PUNCT' || t.kind === 'punct') continue;
    features.add(`pos:${previous}>${t.pos}`);
    previous = t.pos;
  }
  features.add(`pos:${previous}>$`);
  return [...features];
}
