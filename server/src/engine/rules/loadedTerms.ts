import type { Block } from '../analysis/blockAnalysis';
import type { LexiconEntry, LexiconForm } from '../knowledge/lexicon';
import { categoryInfo } from '../knowledge/lexiconCategories';
import { longestNonOverlapping } from '../text/phrases';
import { quotationAt } from '../text/quotes';
import { isCapitalized, normalizeWord } from '../text/tokens';
import { opensSentence } from '../text/wording';
import type { Finding, RuleDeclaration, Severity } from '../types';
import { removalFix, replacementFixes, suggestion } from './loadedTermFixes';
import { hasPartOfSpeech, hasPosition } from './loadedSense';
import { isAttributedLabel, isSpeakersWords, readVoice, reportsClause } from './loadedVoice';
import type { SentenceVoice } from './loadedVoice';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';

/** The rules this module reports, as the registry (rules/index.ts) lists them. */
export const LOADED_TERM = {
  id: 'loaded.term',
  family: 'loaded',
  defaultSeverity: 'warning',
  defaultNote: 'by category: warning for labels, information for evaluative words',
  summary: 'Loaded, pejorative or value-laden wording in the writer\u2019s own voice.',
} as const satisfies RuleDeclaration;

function isAllowed(allow: ReadonlySet<string>, form: LexiconForm, matched: string): boolean {
  return allow.has(form.entry.id) || allow.has(normalizeWord(form.entry.term)) || allow.has(normalizeWord(matched));
}

/**
 * A one-word lower-case term written capitalised mid-sentence names something: "the Crusaders" (a team),
 * "the Zealots". Entries written with capitals ("Soviet-style", "the Butcher of …") are never skipped.
 */
function isProperName(entry: LexiconForm['entry'], original: string, text: string, sentenceStart: number, at: number): boolean {
  if (/\s/.test(original.trim()) || [entry.term, ...(entry.variants ?? [])].some(isCapitalized)) return false;
  return isCapitalized(original) && !opensSentence(text, sentenceStart, at);
}

function isInsideQuotation(block: Block, offset: number): boolean {
  return block.quoted || quotationAt(block.quotes, offset) !== undefined;
}

/**
 * The severity of an entry's finding: the entry's own, else its category's while the rule stands at its default
 * level; a level the user set for `loaded.term` applies to every category.
 */
function severityFor(entry: LexiconEntry, configured: Severity): Severity {
  if (entry.severity) return entry.severity;
  return configured === DEFAULT_SEVERITY ? categoryInfo(entry.category).severity : configured;
}

const DEFAULT_SEVERITY = LOADED_TERM.defaultSeverity;

/**
 * Flags lexicon terms in the writer's own voice. Inside quotations and block quotes the words are a
 * speaker's: reported as hints at most; so are verdicts and doubts in the content of reported speech. Terms
 * inside an exception phrase ("regime change"), read as another part of speech than the entry's, and
 * allow-listed terms are not reported.
 */
export function findLoadedTerms(context: RuleContext): Finding[] {
  const configured = severityOf(context.settings, 'loaded.term');
  if (!configured) return [];
  const { lexicon } = context.knowledge;
  const text = context.chunk.text;
  const allow = new Set(context.settings.allow.map(normalizeWord));
  const findings: Finding[] = [];
  for (const block of context.chunk.blocks) {
    for (const sentence of block.sentences) {
      const matches = lexicon.terms.findAll(text, sentence.tokens);
      if (matches.length === 0) continue;
      let voice: SentenceVoice | undefined;
      const voiceOf = (): SentenceVoice => (voice ??= readVoice(text, sentence));
      const exceptions = lexicon.exceptions.findAll(text, sentence.tokens);
      // the senses (exceptions, part of speech, position, a reported clause) are settled before the longest
      // match is chosen, so that a longer match in another sense does not hide a shorter one that holds
      const inSense = matches.filter(
        (match) =>
          !exceptions.some((e) => e.value === match.value.entry.id && e.start <= match.start && e.end >= match.end) &&
          hasPartOfSpeech(match.value.entry, match, sentence) &&
          hasPosition(match.value.entry, match, sentence) &&
          (!match.value.entry.reportsClause || reportsClause(voiceOf(), match)),
      );
      for (const match of longestNonOverlapping(inSense)) {
        const { entry } = match.value;
        const original = text.slice(match.start, match.end);
        if (isAllowed(allow, match.value, original)) continue;
        if (entry.exceptWhenAttributed && isAttributedLabel(voiceOf(), sentence, match)) continue;
        if (block.kind === 'paragraph' && isProperName(entry, original, text, sentence.start, match.start)) continue;
        const category = categoryInfo(entry.category);
        const quoted =
          isInsideQuotation(block, match.start) || (category.inReportedSpeech === 'speaker' && isSpeakersWords(voiceOf(), match));
        const usage = lexicon.usage.get(entry.id) ?? [];
        findings.push({
          rule: 'loaded.term',
          severity: quoted ? 'hint' : severityFor(entry, configured),
          start: match.start,
          end: match.end,
          message: quoted
            ? `"${original}" is loaded (${category.label}), here in a speaker's words: keep it only if it is theirs.`
            : `"${original}" is loaded (${category.label}); ${suggestion(entry.alternatives)}.`,
          entryId: entry.id,
          term: entry.term,
          ...(category.droppable && !quoted ? { unnecessary: true } : {}),
          detail: {
            reason: entry.why,
            alternatives: entry.alternatives,
            ...(entry.note ? { note: entry.note } : {}),
            ...(usage.length > 0 ? { sources: usage } : {}),
          },
          fixes: quoted
            ? []
            : [
                ...replacementFixes(match, original, text, sentence.start),
                ...(category.droppable ? [removalFix(match, original, text, sentence.start)] : []),
              ],
        });
      }
    }
  }
  return findings;
}

/** The loaded-terminology rule engine. */
export const loadedTermsRule: Rule = { ids: ['loaded.term'], run: findLoadedTerms };
