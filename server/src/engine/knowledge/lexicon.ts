import type { FormKind } from '../text/inflections';
import type { Severity, SourceRef, Span } from '../types';
import type { PartOfSpeech } from '../text/tokens';
import { PhraseMatcher, phraseKeys } from '../text/phrases';
import { splitPlainChunks } from '../text/chunks';
import { tokenize } from '../text/tokens';
import type { DataProblem } from '../types';
import { invalidItems, parseDataFile } from './dataFile';
import type { Inflection } from '../text/inflections';
import { wordForms } from '../text/inflections';
import type { SeedLibrary } from './seedLibrary';
import type { DataFileText } from '../types';
import lexiconSchema from '../../../../seeds/schema/lexicon.schema.json';

/** A lexicon entry as written in YAML (see seeds/schema/lexicon.schema.json). */
export interface LexiconEntryData {
  id: string;
  term: string;
  variants?: string[];
  inflect?: Inflection;
  head?: 'first' | 'last';
  /** One of `LEXICON_CATEGORIES` (lexiconCategories.ts); the schema lists the same ids. */
  category: string;
  /** Flag only when the tagger reads the head word as one of these. */
  partOfSpeech?: PartOfSpeech[];
  /** Flag an adjective only before its noun, or only after a linking verb. */
  position?: 'attributive' | 'predicative';
  /** Flag only where the term is the cue of a frame whose content is a clause. */
  reportsClause?: boolean;
  why: string;
  alternatives: string[];
  note?: string;
  except?: string[];
  exceptWhenAttributed?: boolean;
  severity?: Severity;
  examples: { flagged: string[]; neutral: string[] };
}

/** A loaded entry with where it was defined. */
export interface LexiconEntry extends LexiconEntryData {
  file: string;
  span: Span;
}

/** One matchable form of an entry. */
export interface LexiconForm {
  entry: LexiconEntry;
  kind: FormKind;
}

/** The compiled lexicon: literal phrase matchers over normalised words, plus usage in the seeds. */
export interface Lexicon {
  entries: ReadonlyMap<string, LexiconEntry>;
  terms: PhraseMatcher<LexiconForm>;
  /** Phrases in which an entry's term is used neutrally, keyed to the entry id. */
  exceptions: PhraseMatcher<string>;
  /** Passages of the seeds that use each entry's term. */
  usage: ReadonlyMap<string, SourceRef[]>;
}

const FORM_KINDS: Record<Inflection, FormKind[]> = {
  noun: ['base', 'plural'],
  verb: ['base', 'verb-s', 'verb-ed', 'verb-ing', 'verb-ed', 'verb-ing'],
  adjective: ['base', 'adverb'],
  none: ['base'],
};

function addForms(matcher: PhraseMatcher<LexiconForm>, entry: LexiconEntry, phrase: string, inflect: Inflection): void {
  const keys = phraseKeys(phrase);
  if (keys.length === 0) return;
  const headIndex = (entry.head ?? (inflect === 'verb' ? 'first' : 'last')) === 'first' ? 0 : keys.length - 1;
  const forms = wordForms(keys[headIndex], inflect);
  const kinds = FORM_KINDS[inflect];
  forms.forEach((form, i) => {
    const inflected = [...keys];
    inflected[headIndex] = form;
    const kind = kinds[i] ?? 'base';
    matcher.addKeys(inflected, { entry, kind });
    if (inflected.length > 1 && /[-\u2010\u2011]/.test(phrase)) matcher.addKeys([inflected.join('')], { entry, kind });
  });
}

const MAX_USAGE_EXAMPLES = 3;

function findUsage(lexicon: Omit<Lexicon, 'usage'>, seeds: SeedLibrary): Map<string, SourceRef[]> {
  const usage = new Map<string, SourceRef[]>();
  for (const [seed, article] of seeds.articles) {
    for (const chunk of splitPlainChunks(article.text)) {
      const tokens = tokenize(article.text, chunk.start, chunk.end);
      for (const match of lexicon.terms.findAll(article.text, tokens)) {
        const list = usage.get(match.value.entry.id) ?? [];
        const passage = seeds.passageAround(seed, match);
        const ref = seeds.sourceRef(seed, passage, 'the article\u2019s own wording');
        if (ref && list.length < MAX_USAGE_EXAMPLES && !list.some((r) => r.passage === passage)) list.push(ref);
        usage.set(match.value.entry.id, list);
      }
    }
  }
  return usage;
}

/** How many lexicon files `readLexiconFile` keeps read (the built-in ones and a few of a team's). */
const MAX_READ_FILES = 32;
const readFiles = new Map<string, { entries: LexiconEntry[]; problems: DataProblem[] }>();

/**
 * One lexicon file's valid entries, with the problems of the rest, reused while the same file comes again
 * with the same text (keyed by both): reading YAML is the slow part of building knowledge (the built-in
 * lexicon, some 850 KB, takes about half a second), and a team's extra lexicon should not make the built-in
 * one be read again. Entries are never mutated once read.
 */
function readLexiconFile(source: DataFileText): { entries: LexiconEntry[]; problems: DataProblem[] } {
  const key = `${source.file}\u0000${source.text}`;
  const cached = readFiles.get(key);
  if (cached) return cached;
  const parsed = parseDataFile<{ entries?: LexiconEntryData[] }>(source.file, source.text, lexiconSchema);
  const problems = [...parsed.problems];
  const invalidEntries = invalidItems(parsed.problems, 'entries');
  const seenInFile = new Set<string>();
  const entries: LexiconEntry[] = [];
  (Array.isArray(parsed.value?.entries) ? parsed.value.entries : []).forEach((data, index) => {
    if (invalidEntries.has(index) || typeof data?.id !== 'string') return;
    if (seenInFile.has(data.id)) {
      problems.push(parsed.problemAt(['entries', index, 'id'], `duplicate id "${data.id}" (the first entry with this id is used)`));
      return;
    }
    seenInFile.add(data.id);
    entries.push({ ...data, file: source.file, span: parsed.spanOf(['entries', index]) });
  });
  const read = { entries, problems };
  if (readFiles.size >= MAX_READ_FILES) readFiles.delete(readFiles.keys().next().value as string);
  readFiles.set(key, read);
  return read;
}

/**
 * Loads and compiles lexicon files in order. Invalid entries are reported and skipped; a later file's entry
 * with an id already defined replaces the earlier one (so teams can override built-in entries).
 */
export function buildLexicon(files: readonly DataFileText[], seeds: SeedLibrary): { lexicon: Lexicon; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const entries = new Map<string, LexiconEntry>();
  for (const source of files) {
    const read = readLexiconFile(source);
    for (const problem of read.problems) problems.push(problem);
    for (const entry of read.entries) entries.set(entry.id, entry);
  }
  const terms = new PhraseMatcher<LexiconForm>();
  const exceptions = new PhraseMatcher<string>();
  for (const entry of entries.values()) {
    const inflect = entry.inflect ?? 'noun';
    for (const phrase of [entry.term, ...(entry.variants ?? [])]) addForms(terms, entry, phrase, inflect);
    for (const phrase of entry.except ?? []) {
      exceptions.add(phrase, entry.id);
      const keys = phraseKeys(phrase);
      const plural = keys.length > 0 ? wordForms(keys[keys.length - 1], 'noun')[1] : undefined;
      if (plural) exceptions.addKeys([...keys.slice(0, -1), plural], entry.id);
    }
  }
  const compiled = { entries, terms, exceptions };
  return { lexicon: { ...compiled, usage: findUsage(compiled, seeds) }, problems };
}
