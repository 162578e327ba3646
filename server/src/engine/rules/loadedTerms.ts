import type { AttributionFrame } from '../analysis/frameTypes';
import type { Block, SentenceAnalysis } from '../analysis/blockAnalysis';
import type { LexiconEntry, LexiconForm } from '../knowledge/lexicon';
import { categoryInfo } from '../knowledge/lexiconCategories';
import { ruleInfo } from '../ruleCatalog';
import type { PhraseMatch } from '../text/phrases';
import { longestNonOverlapping } from '../text/phrases';
import { quotationAt } from '../text/quotes';
import { isCapitalized, normalizeWord } from '../text/tokens';
import { partitionPoint } from '../partitionPoint';
import type { Finding, Severity, Span } from '../types';
import { replacementFixes, suggestion } from './loadedTermFixes';
import type { Rule, RuleContext } from './rule';
import { severityOf } from './rule';

function isAllowed(allow: ReadonlySet<string>, form: LexiconForm, matched: string): boolean {
  return allow.has(form.entry.id) || allow.has(normalizeWord(form.entry.term)) || allow.has(normalizeWord(matched));
}

/** Verbs that apply a label directly ("designates X a terrorist group", "called them thugs"). */
const NAMING = /^(designat|call|dub|term|deem|nam|label|brand)/;
/** Verbs that apply a label through "as" ("described the group as terrorists"). */
const LABELLING_AS = /^(describ|regard|consider|label|brand|classif|list|characteri|portray|denounc|condemn|refer)/;
/** Verbs that report speech, whose complement is the speaker's wording ("said they had liberated"). */
const REPORTED_SPEECH = /^(said|says|say|told|tell|claim|state|declar|announc|insist|wrote|write|add|argu|assert|maintain|contend|boast|vow|pledg|promis|warn|accus)/;

/** A frame whose source someone could check: a name, a pronoun, a document, an outlet. */
const namesSource = (f: AttributionFrame): boolean => f.kind === 'named' || f.kind === 'document' || f.kind === 'outlet' || f.kind === 'pronoun';

/** True when `at` lies in what `frame` attributes, in the sentence's own frame (not one carried over). */
const reports = (f: AttributionFrame, at: number): boolean => !f.carriedFrom && f.content !== undefined && f.content.start <= at && f.content.end > at;

/**
 * True when a named source applies the label before it, with a naming or reporting verb ("the State
 * Department designates … a terrorist"). A statement attributed only after the label ("… killed 12
 * terrorists, the army said") leaves the label the writer's choice of words.
 */
function isAttributed(text: string, sentence: SentenceAnalysis, at: number): boolean {
  return sentence.frames.some((f) => {
    if (!namesSource(f) || f.kind === 'pronoun' || !f.stated || f.carriedFrom) return false;
    if (f.cue.end > at) return false;
    const cue = text.slice(f.cue.start, f.cue.end).toLowerCase();
    if (NAMING.test(cue) || REPORTED_SPEECH.test(cue)) return true;
    return LABELLING_AS.test(cue) && /\bas\b/i.test(text.slice(f.cue.end, at));
  });
}

/** "I" and "we" are the writer: what they say is the writer's voice. */
const FIRST_PERSON = new Set(['i', 'we']);

/**
 * True when `match` lies in the clause a source is reported to have stated ("The senator said the plan was
 * reckless", "Critics say it is reckless"): a verdict there is the speaker's (whether the source is good
 * enough is the attribution rules' question). Not when the content is a thing rather than a clause ("posted
 * a vile message": the writer describes the post), nor for the cue itself ("claimed that" is the writer's
 * verb). Views held ("believes"), sourceless hedges ("allegedly") and the writer's own "I" or "we" leave the
 * words the writer's.
 */
function isReportedSpeech(text: string, sentence: SentenceAnalysis, match: PhraseMatch<LexiconForm>): boolean {
  return sentence.frames.some(
    (f) =>
      f.stated &&
      f.source !== undefined &&
      reports(f, match.start) &&
      !(f.cue.start < match.end && f.cue.end > match.start) &&
      !FIRST_PERSON.has(text.slice(f.source.start, f.source.end).toLowerCase()) &&
      isClause(sentence, f.content),
  );
}

/** Possessive determiners: a "verb" right after one is a noun the tagger misread ("his lies"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/**
 * True when the span is a finite clause, the shape of a reported statement ("the plan was reckless"), not a
 * noun phrase ("his lies about the election", "a vile message") or a plan ("to cut the bloated bureaucracy").
 */
function isClause(sentence: SentenceAnalysis, span: Span | undefined): boolean {
  if (!span) return false;
  const { tokens } = sentence;
  const first = partitionPoint(tokens, (t) => t.start < span.start);
  if (tokens[first]?.norm === 'to') return false;
  for (let i = first; i < tokens.length && tokens[i].end <= span.end; i++) {
    const pos = tokens[i].pos;
    const before = tokens[i - 1];
    const afterDeterminer = i > first && before !== undefined && (before.pos === 'DET' || POSSESSIVES.has(before.norm));
    if ((pos === 'VERB' || pos === 'AUX') && !afterDeterminer) return true;
  }
  return false;
}

/** True when the tagger reads the entry's head word in the match as a part of speech the entry allows. */
function hasPartOfSpeech(entry: LexiconEntry, match: PhraseMatch<LexiconForm>, sentence: SentenceAnalysis): boolean {
  if (!entry.partOfSpeech) return true;
  const head = (entry.head ?? (entry.inflect === 'verb' ? 'first' : 'last')) === 'first' ? match.first : match.last;
  const token = sentence.tokens[head];
  return token !== undefined && entry.partOfSpeech.includes(token.pos);
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
 * The severity of an entry's finding: the entry's own, else its category's while the rule stands at its default
 * level; a level the user set for `loaded.term` applies to every category.
 */
function severityFor(entry: LexiconEntry, configured: Severity): Severity {
  if (entry.severity) return entry.severity;
  return configured === ruleInfo('loaded.term').defaultSeverity ? categoryInfo(entry.category).severity : configured;
}

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
      const exceptions = lexicon.exceptions.findAll(text, sentence.tokens);
      for (const match of longestNonOverlapping(matches)) {
        const { entry } = match.value;
        const original = text.slice(match.start, match.end);
        if (isAllowed(allow, match.value, original)) continue;
        if (exceptions.some((e) => e.value === entry.id && e.start <= match.start && e.end >= match.end)) continue;
        if (!hasPartOfSpeech(entry, match, sentence)) continue;
        if (entry.exceptWhenAttributed && isAttributed(text, sentence, match.start)) continue;
        if (block.kind === 'paragraph' && isProperName(entry, original, text, sentence.start, match.start)) continue;
        const category = categoryInfo(entry.category);
        const quoted = isInsideQuotation(block, match.start) || (category.inReportedSpeech === 'speaker' && isReportedSpeech(text, sentence, match));
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
