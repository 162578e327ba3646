import { PhraseMatcher, phraseKeys } from '../text/phrases';
import type { ClaimKind } from '../settings';
import type { DataProblem } from './dataFile';
import { parseDataFile } from './dataFile';
import { verbForms } from './inflections';
import type { SourceFile } from './sourceFiles';
import attributionSchema from '../../../../seeds/schema/attribution.schema.json';

interface AttributionData {
  speechVerbs: string[];
  findingVerbs: string[];
  irregularSpeechForms: string[];
  irregularFindingForms: string[];
  sourceIntroducers: string[];
  documentNouns: string[];
  institutionNouns: string[];
  vagueSourceNouns: string[];
  unnamingModifiers: string[];
  vaguePhrases: string[];
  claims: {
    figures: { people: string[]; nouns: string[]; units: string[]; measurements: string[] };
    superlatives: string[];
    comparisons: string[];
    causal: string[];
    predictions: { phrases: string[]; modals: string[]; scheduling: string[] };
    accusations: string[];
    intentions: string[];
    opinions: string[];
  };
}

/** Whether a reporting verb names a source by itself (speech) or only with a complement (finding). */
export type VerbClass = 'speech' | 'finding';

/** The attribution vocabulary (seeds/attribution.yaml) compiled for matching. */
export interface AttributionVocabulary {
  /** Reporting verbs in every regular form, with their class and whether the form is the bare base form. */
  reportingVerbs: PhraseMatcher<{ verbClass: VerbClass; base: boolean }>;
  introducers: PhraseMatcher<true>;
  documentNouns: ReadonlySet<string>;
  institutionNouns: ReadonlySet<string>;
  vagueNouns: ReadonlySet<string>;
  unnamingModifiers: ReadonlySet<string>;
  vaguePhrases: PhraseMatcher<true>;
  /** Claim phrases by kind (figures, dates and predictions with modals are read by code as well). */
  claimPhrases: PhraseMatcher<ClaimKind>;
  /** People counted in a claim: any number with one of these is a figure. */
  figurePeople: ReadonlySet<string>;
  /** Other counted things: figures when written in digits (10 or more). */
  figureNouns: ReadonlySet<string>;
  figureUnits: ReadonlySet<string>;
  /** Measurements a reporter can check: never a figure claim by themselves. */
  measurements: ReadonlySet<string>;
  modals: ReadonlySet<string>;
  schedulingVerbs: ReadonlySet<string>;
}

const EMPTY: AttributionData = {
  speechVerbs: [], findingVerbs: [], irregularSpeechForms: [], irregularFindingForms: [], sourceIntroducers: [], documentNouns: [], institutionNouns: [], vagueSourceNouns: [],
  unnamingModifiers: [], vaguePhrases: [],
  claims: { figures: { people: [], nouns: [], units: [], measurements: [] }, superlatives: [], comparisons: [], causal: [], predictions: { phrases: [], modals: [], scheduling: [] }, accusations: [], intentions: [], opinions: [] },
};

function wordSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => phraseKeys(w).join(' ')).filter(Boolean));
}

/** Loads seeds/attribution.yaml. */
export function buildAttributionVocabulary(source: SourceFile): { vocabulary: AttributionVocabulary; problems: DataProblem[] } {
  const parsed = parseDataFile<AttributionData>(source.file, source.text, attributionSchema);
  const data = parsed.problems.length === 0 && parsed.value ? parsed.value : EMPTY;
  const reportingVerbs = new PhraseMatcher<{ verbClass: VerbClass; base: boolean }>();
  const addVerbs = (verbs: readonly string[], irregular: readonly string[], verbClass: VerbClass): void => {
    for (const verb of verbs) {
      const keys = phraseKeys(verb);
      verbForms(keys[0]).forEach((form, i) => reportingVerbs.addKeys([form, ...keys.slice(1)], { verbClass, base: i === 0 }));
    }
    for (const form of irregular) reportingVerbs.add(form, { verbClass, base: false });
  };
  addVerbs(data.speechVerbs, data.irregularSpeechForms, 'speech');
  addVerbs(data.findingVerbs.filter((v) => !data.speechVerbs.includes(v)), data.irregularFindingForms, 'finding');
  const phrases = (list: readonly string[]): PhraseMatcher<true> => {
    const m = new PhraseMatcher<true>();
    for (const p of list) m.add(p, true);
    return m;
  };
  const claimPhrases = new PhraseMatcher<ClaimKind>();
  const claims = data.claims;
  const byKind: [ClaimKind, string[]][] = [
    ['superlatives', claims.superlatives],
    ['comparisons', claims.comparisons],
    ['causal', claims.causal],
    ['predictions', claims.predictions.phrases],
    ['accusations', claims.accusations],
    ['intentions', claims.intentions],
    ['opinions', claims.opinions],
  ];
  for (const [kind, list] of byKind) for (const phrase of list) claimPhrases.add(phrase, kind);
  return {
    vocabulary: {
      reportingVerbs,
      introducers: phrases(data.sourceIntroducers),
      documentNouns: wordSet(data.documentNouns),
      institutionNouns: wordSet(data.institutionNouns),
      vagueNouns: wordSet(data.vagueSourceNouns),
      unnamingModifiers: wordSet(data.unnamingModifiers),
      vaguePhrases: phrases(data.vaguePhrases),
      claimPhrases,
      figurePeople: wordSet(claims.figures.people),
      figureNouns: wordSet(claims.figures.nouns),
      figureUnits: new Set(claims.figures.units.map((u) => u.toLowerCase())),
      measurements: wordSet(claims.figures.measurements),
      modals: wordSet(claims.predictions.modals),
      schedulingVerbs: wordSet(claims.predictions.scheduling),
    },
    problems: parsed.problems,
  };
}
