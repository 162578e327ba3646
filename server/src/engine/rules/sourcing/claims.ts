import type { Sentence } from '../../document';
import type { AttributionVocabulary } from '../../knowledge/attributionVocabulary';
import type { ClaimKind } from '../../settings';
import { findTimes } from '../../text/dates';
import { findNumbers } from '../../text/numbers';
import type { Token } from '../../text/tokens';
import { nextWord, previousWord } from '../facts/sentenceQueries';

/** Words of a sentence that make it a claim of some kind. */
export interface ClaimSignal {
  kind: ClaimKind;
  start: number;
  end: number;
}

const CASUALTY_VERBS = /^(killing|killed|wounding|wounded|injuring|injured|toll|tally|total|estimated|displacing|displaced|arresting|detaining|costing|worth)$/;
const CURRENCY = /^[$£€¥]$/;

function figureSignals(tokens: readonly Token[], vocabulary: AttributionVocabulary): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  for (const n of findNumbers(tokens)) {
    if (n.year || n.ordinal) continue;
    const before = previousWord(tokens, n.first);
    const prevToken = tokens[n.first - 1];
    let unit = false;
    let j = n.last;
    for (let k = 0; k < 3 && !unit; k++) {
      const next = j + 1 < tokens.length && tokens[j + 1].kind === 'punct' && tokens[j + 1].text === '%' ? j + 1 : nextWord(tokens, j);
      if (next < 0) break;
      const t = tokens[next];
      if (t.text === '%' || vocabulary.figureUnits.has(t.norm) || vocabulary.figureNouns.has(t.norm)) unit = true;
      if (/^(year|years|old|a\.m|p\.m|am|pm|o'clock)$/.test(t.norm) && k === 0 && t.norm !== 'years') break;
      j = next;
    }
    const digits = tokens[n.first].kind === 'number';
    const money = prevToken !== undefined && CURRENCY.test(prevToken.text);
    const casualty = before >= 0 && CASUALTY_VERBS.test(tokens[before].norm) && digits;
    if (unit || money || casualty) signals.push({ kind: 'figures', start: n.start, end: tokens[j]?.end ?? n.end });
  }
  return signals;
}

function predictionSignals(tokens: readonly Token[], vocabulary: AttributionVocabulary): ClaimSignal[] {
  const signals: ClaimSignal[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'punct' || !vocabulary.modals.has(t.norm)) return;
    let j = nextWord(tokens, i);
    while (j >= 0 && /^(not|also|soon|likely|probably|eventually|never|still|then|quickly|only)$/.test(tokens[j].norm)) j = nextWord(tokens, j);
    if (j < 0) return;
    const verb = tokens[j].norm;
    if (vocabulary.schedulingVerbs.has(verb)) return;
    signals.push({ kind: 'predictions', start: t.start, end: tokens[j].end });
  });
  return signals;
}

/**
 * The claim signals of a sentence, outside quoted words: figures (numbers with a counted noun, money,
 * percentages, tolls), dates, superlatives, comparisons, causal and predictive wording, accusations,
 * intentions and opinions stated as fact.
 */
export function findClaims(text: string, sentence: Sentence, vocabulary: AttributionVocabulary, isQuoted: (offset: number) => boolean): ClaimSignal[] {
  const tokens = sentence.tokens;
  const signals: ClaimSignal[] = [
    ...figureSignals(tokens, vocabulary),
    ...vocabulary.claimPhrases.findAll(text, tokens).map((m) => ({ kind: m.value, start: m.start, end: m.end })),
    ...predictionSignals(tokens, vocabulary),
    ...findTimes(tokens).dates.map((d) => ({ kind: 'dates' as ClaimKind, start: d.start, end: d.end })),
  ];
  return signals.filter((s) => !isQuoted(s.start)).sort((a, b) => a.start - b.start);
}
