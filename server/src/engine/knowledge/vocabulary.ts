import { PhraseMatcher } from '../text/phrases';
import type { DataProblem } from '../types';
import { parseDataFile } from './dataFile';
import type { DataFileText } from '../types';
import vocabularySchema from '../../../../seeds/schema/vocabulary.schema.json';

interface VocabularyData {
  titles: { id: string; names: string[] }[];
  honorifics?: string[];
  scales: { id: string; positive: string[]; negative: string[] }[];
  cueGroups?: string[][];
}

/** Which side of a scale a phrase sits on. */
export type Polarity = 'positive' | 'negative';

/** Titles people hold and the stance scales, compiled for matching. */
export interface Vocabulary {
  /** Title names to title ids. */
  titles: PhraseMatcher<string>;
  /** The display name of each title id (its first name). */
  titleNames: ReadonlyMap<string, string>;
  /** Every name of each title id ("foreign minister", "top diplomat", …). */
  titleForms: ReadonlyMap<string, readonly string[]>;
  /** Words before a name that are neither part of it nor a role ("ms", "dr"), lower case, without a full stop. */
  honorifics: ReadonlySet<string>;
  /** Per scale id, phrases to their polarity. */
  scales: ReadonlyMap<string, PhraseMatcher<Polarity>>;
  /** Per scale id, the first phrase of each side, to show a stance in plain words ("legitimate", "illegitimate"). */
  scaleNames: ReadonlyMap<string, Readonly<Record<Polarity, string>>>;
  /** Cue words that name the same kind of event, as written. */
  cueGroups: readonly (readonly string[])[];
}

/** Loads seeds/vocabulary.yaml. */
export function buildVocabulary(source: DataFileText): { vocabulary: Vocabulary; problems: DataProblem[] } {
  const parsed = parseDataFile<VocabularyData>(source.file, source.text, vocabularySchema);
  const titles = new PhraseMatcher<string>();
  const titleNames = new Map<string, string>();
  const titleForms = new Map<string, readonly string[]>();
  const scales = new Map<string, PhraseMatcher<Polarity>>();
  const scaleNames = new Map<string, Record<Polarity, string>>();
  for (const title of parsed.value?.titles ?? []) {
    if (!Array.isArray(title?.names)) continue;
    titleNames.set(title.id, title.names[0]);
    titleForms.set(title.id, title.names);
    for (const name of title.names) titles.add(name, title.id);
  }
  for (const scale of parsed.value?.scales ?? []) {
    if (!Array.isArray(scale?.positive) || !Array.isArray(scale?.negative)) continue;
    const matcher = new PhraseMatcher<Polarity>();
    for (const phrase of scale.positive) matcher.add(phrase, 'positive');
    for (const phrase of scale.negative) matcher.add(phrase, 'negative');
    scales.set(scale.id, matcher);
    scaleNames.set(scale.id, { positive: scale.positive[0] ?? scale.id, negative: scale.negative[0] ?? `not ${scale.id}` });
  }
  const cueGroups = (parsed.value?.cueGroups ?? []).filter((g) => Array.isArray(g));
  const honorifics = new Set(
    (parsed.value?.honorifics ?? []).filter((h) => typeof h === 'string').map((h) => h.toLowerCase().replace(/\.$/, '')),
  );
  return { vocabulary: { titles, titleNames, titleForms, honorifics, scales, scaleNames, cueGroups }, problems: parsed.problems };
}
