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

/** Verbs that apply a label directly ("designates X a terrorist group", "called them thugs", "considers X a …"). */
const NAMING = /^(designat|call|dub|term|deem|label|brand|consider)/;
/** Verbs that apply a label through "as" ("described the group as terrorists"). */
const LABELLING_AS = /^(describ|regard|consider|label|brand|classif|list|characteri|portray|denounc|condemn|refer|view|see|treat)/;
/** Verbs that report speech, whose complement is the speaker's wording ("said they had liberated"). */
const REPORTED_SPEECH = /^(said|says|say|told|tell|claim|state|declar|announc|insist|wrote|write|add|argu|assert|maintain|contend|boast|vow|pledg|promis|warn|accus|accord)/;

/** True when `verb` applies a label to what lies between it and `at`: directly, or through "as". */
function labels(text: string, verb: Span, at: number): boolean {
  const word = text.slice(verb.start, verb.end).toLowerCase();
  return NAMING.test(word) || (LABELLING_AS.test(word) && /\bas\b/i.test(text.slice(verb.end, at)));
}

/** Forms of "be" and "get" that make a participle after them passive. */
const PASSIVE_AUXILIARIES = new Set(['be', 'get']);

/** How many words an "as" clause after a label may run before its naming verb ("as the opposition calls him"). */
const AS_CLAUSE_REACH = 6;

/**
 * A naming verb that applies the label at `at`: before it, unless an agentless passive ("was branded a
 * traitor" names nobody; "was branded a traitor by the court" does), or in an "as" clause right after it
 * ("the dictator, as the opposition calls him"). The frame finder may not read every such sentence as a
 * frame ("Beijing has branded the protesters thugs"), and a label someone applies, named or not, is theirs
 * (whether the source is good enough is the attribution rules' question).
 */
function hasNamingVerb(text: string, sentence: SentenceAnalysis, at: number): boolean {
  const { tokens } = sentence;
  const end = partitionPoint(tokens, (t) => t.end <= at);
  for (let i = 0; i < end; i++) {
    const token = tokens[i];
    const auxiliary = i > 0 && tokens[i - 1].pos === 'AUX' ? tokens[i - 1].lemma : undefined;
    // the tagger reads some participles as adjectives ("has branded", "was branded")
    const verb = token.pos === 'VERB' || (token.pos === 'ADJ' && auxiliary !== undefined && (auxiliary === 'have' || PASSIVE_AUXILIARIES.has(auxiliary)));
    if (!verb || !labels(text, token, at)) continue;
    const passive = auxiliary !== undefined && PASSIVE_AUXILIARIES.has(auxiliary);
    if (!passive || /\bby\b/i.test(text.slice(token.end, sentence.end))) return true;
  }
  const as = tokens.findIndex((t, i) => i >= end && i <= end + 2 && t.norm === 'as');
  if (as < 0) return false;
  for (let i = as + 1; i < tokens.length && i <= as + AS_CLAUSE_REACH; i++) {
    if (tokens[i].pos === 'VERB') return NAMING.test(tokens[i].norm) || LABELLING_AS.test(tokens[i].norm);
  }
  return false;
}

/** A frame whose source someone could check: a name, a pronoun, a document, an outlet. */
const namesSource = (f: AttributionFrame): boolean => f.kind === 'named' || f.kind === 'document' || f.kind === 'outlet' || f.kind === 'pronoun';

/** True when `at` lies in what `frame` attributes, in the sentence's own frame (not one carried over). */
const reports = (f: AttributionFrame, at: number): boolean => !f.carriedFrom && f.content !== undefined && f.content.start <= at && f.content.end > at;

/**
 * True when someone applies the label before it: a source with a naming verb ("the State Department
 * designates … a terrorist", "Ankara considers the PKK a terrorist group", "officials describe them as …") or
 * a named source with a reporting verb ("the ministry said the terrorists …", "according to the ministry").
 * A statement attributed only after the label ("… killed 12 terrorists, the army said") leaves the label
 * the writer's choice of words.
 */
function isAttributed(text: string, sentence: SentenceAnalysis, at: number): boolean {
  const byFrame = sentence.frames.some((f) => {
    if (!namesSource(f) || f.kind === 'pronoun' || !f.stated || f.carriedFrom || f.cue.end > at) return false;
    return REPORTED_SPEECH.test(text.slice(f.cue.start, f.cue.end).toLowerCase());
  });
  return byFrame || hasNamingVerb(text, sentence, at);
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
