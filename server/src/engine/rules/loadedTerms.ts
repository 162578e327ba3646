import type { Block } from '../analysis/blockAnalysis';
import type { LexiconForm } from '../knowledge/lexicon';
import type { PhraseMatch } from '../text/phrases';
import { longestNonOverlapping } from '../text/phrases';
import { quotationAt } from '../text/quotes';
import { isCapitalized, normalizeWord } from '../text/tokens';
import { inflectLike, isAdvice, keepPossessive, matchCapitalization } from '../text/wording';
import type { Finding, Fix } from '../types';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';

function isAllowed(allow: ReadonlySet<string>, form: LexiconForm, matched: string): boolean {
  return allow.has(form.entry.id) || allow.has(normalizeWord(form.entry.term)) || allow.has(normalizeWord(matched));
}

/**
 * One fix per alternative, inflected like the match, capitalised only at the start of a sentence, keeping
 * a possessive, and turning a preceding "a"/"an" into the article the replacement needs.
 */
function replacementFixes(match: PhraseMatch<LexiconForm>, original: string, text: string, sentenceStart: number): Fix[] {
  const atSentenceStart = /^[\s"\u201C\u2018'(\[*_#>-]*$/.test(text.slice(sentenceStart, match.start));
  const article = /\b(a|an|A|An)\s+$/.exec(text.slice(Math.max(sentenceStart, match.start - 4), match.start));
  return match.value.entry.alternatives
    .filter((alternative) => !isAdvice(alternative))
    .map((alternative, index) => {
      const inflected = keepPossessive(inflectLike(alternative, match.value.kind), original);
      const replacement = atSentenceStart ? matchCapitalization(inflected, original) : inflected;
      if (article) {
        const wanted = /^[aeiou]/i.test(replacement) && !/^(uni|eu|one|us[aeiou])/i.test(replacement) ? 'an' : 'a';
        const written = /^[A-Z]/.test(article[1]) ? wanted[0].toUpperCase() + wanted.slice(1) : wanted;
        const start = match.start - article[0].length;
        return { title: `Replace with "${written} ${replacement}"`, edits: [{ start, end: match.end, newText: `${written} ${replacement}` }], preferred: index === 0 };
      }
      return { title: `Replace with "${replacement}"`, edits: [{ start: match.start, end: match.end, newText: replacement }], preferred: index === 0 };
    });
}

/** Verbs that apply a label directly ("designates X a terrorist group", "called them thugs"). */
const NAMING = /^(designat|call|dub|term|deem|nam)/;
/** Verbs that apply a label through "as" ("described the group as terrorists"). */
const LABELLING_AS = /^(describ|regard|consider|label|brand|classif|list|characteri|portray|denounc|condemn|refer)/;
/** Verbs that report speech, whose complement is the speaker's wording ("said they had liberated"). */
const REPORTED_SPEECH = /^(said|says|say|told|tell|claim|state|declar|announc|insist|wrote|write|add|argu|assert|maintain|contend|boast|vow|pledg|promis|warn|accus)/;

/** True when a named source applies the label before it appears ("the State Department designates … a terrorist"). */
function isAttributed(text: string, block: Block, index: number, at: number): boolean {
  return block.sentences[index].frames.some((f) => {
    if ((f.kind !== 'named' && f.kind !== 'document' && f.kind !== 'outlet') || !f.stated || f.carriedFrom || f.cue.end > at) return false;
    const cue = text.slice(f.cue.start, f.cue.end).toLowerCase();
    if (NAMING.test(cue) || REPORTED_SPEECH.test(cue)) return true;
    return LABELLING_AS.test(cue) && /\bas\b/i.test(text.slice(f.cue.end, at));
  });
}

/** "consider "president" or "leader"", with advice in parentheses given as advice. */
function suggestion(alternatives: readonly string[]): string {
  const words = alternatives.filter((a) => !isAdvice(a)).map((a) => `"${a}"`);
  const advice = alternatives.filter(isAdvice).map((a) => a.trim().slice(1, -1));
  const parts = [words.length > 0 ? `consider ${words.join(', ')}` : '', ...advice].filter(Boolean);
  return parts.join('; or ');
}

/**
 * A one-word lower-case term written capitalised mid-sentence names something: "the Crusaders" (a team),
 * "the Zealots". Entries written with capitals ("Soviet-style", "the Butcher of …") are never skipped.
 */
function isProperName(entry: LexiconForm['entry'], original: string, text: string, sentenceStart: number, at: number): boolean {
  if (/\s/.test(original.trim()) || [entry.term, ...(entry.variants ?? [])].some(isCapitalized)) return false;
  return isCapitalized(original) && !/^[\s"\u201C\u2018'(\[*_#>-]*$/.test(text.slice(sentenceStart, at));
}

function isInsideQuotation(block: Block, offset: number): boolean {
  return block.quoted || quotationAt(block.quotes, offset) !== undefined;
}

/**
 * Flags lexicon terms in the writer's own voice. Inside quotations and block quotes the words are a
 * speaker's: reported as hints at most. Terms inside an exception phrase ("regime change") and
 * allow-listed terms are not reported.
 */
export function findLoadedTerms(context: RuleContext): Finding[] {
  const severity = severityOf(context.settings, 'loaded.term');
  if (!severity) return [];
  const { lexicon } = context.knowledge;
  const text = context.chunk.text;
  const allow = new Set(context.settings.allow.map(normalizeWord));
  const findings: Finding[] = [];
  for (const block of context.chunk.blocks) {
    for (const [index, sentence] of block.sentences.entries()) {
      const matches = lexicon.terms.findAll(text, sentence.tokens);
      if (matches.length === 0) continue;
      const exceptions = lexicon.exceptions.findAll(text, sentence.tokens);
      for (const match of longestNonOverlapping(matches)) {
        const { entry } = match.value;
        const original = text.slice(match.start, match.end);
        if (isAllowed(allow, match.value, original)) continue;
        if (exceptions.some((e) => e.value === entry.id && e.start <= match.start && e.end >= match.end)) continue;
        if (entry.exceptWhenAttributed && isAttributed(text, block, index, match.start)) continue;
        if (block.kind === 'paragraph' && isProperName(entry, original, text, sentence.start, match.start)) continue;
        const quoted = isInsideQuotation(block, match.start);
        const usage = lexicon.usage.get(entry.id) ?? [];
        findings.push({
          rule: 'loaded.term',
          severity: quoted ? 'hint' : entry.severity ?? severity,
          start: match.start,
          end: match.end,
          message: quoted
            ? `"${original}" is loaded (${entry.category.replace(/-/g, ' ')}), here in quoted words: keep it only if it is the speaker's.`
            : `"${original}" is loaded (${entry.category.replace(/-/g, ' ')}); ${suggestion(entry.alternatives)}.`,
          entryId: entry.id,
          term: entry.term,
          detail: {
            reason: entry.why,
            alternatives: entry.alternatives,
            ...(entry.note ? { note: entry.note } : {}),
            ...(usage.length > 0 ? { sources: usage } : {}),
          },
          fixes: quoted ? [] : replacementFixes(match, original, text, sentence.start),
        });
      }
    }
  }
  return findings;
}

/** The loaded-terminology rule engine. */
export const loadedTermsRule: Rule = { ids: ['loaded.term'], run: findLoadedTerms };
