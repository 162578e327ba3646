import { PhraseMatcher, phraseKeys } from '../text/phrases';
import type { ClaimKind } from '../types';
import type { DataProblem } from '../types';
import { parseDataFile } from './dataFile';
import type { DataFileText } from '../types';
import attributionSchema from '../../../../seeds/schema/attribution.schema.json';

interface AttributionData {
  speechVerbs: string[];
  findingVerbs: string[];
  stanceVerbs: string[];
  nominalCues: string[];
  lightVerbs: string[];
  addresseeVerbs: string[];
  colonLabels: string[];
  agentNouns: string[];
  prospective: string[];
  sourceIntroducers: string[];
  documentNouns: string[];
  institutionNouns: string[];
  vagueSourceNouns: string[];
  unnamingModifiers: string[];
  vaguePhrases: string[];
  quotedNaming?: string[];
  claims: {
    figures: {
      people: string[];
      nouns: string[];
      units: string[];
      measurements: string[];
      markets?: string[];
      proportions?: string[];
      leads?: string[];
    };
    trends: { verbs: string[]; measures: string[] };
    courtesy?: string[];
    predicativeVerbs?: string[];
    superlativeScope?: string[];
    superlatives: string[];
    comparisons: string[];
    causal: string[];
    predictions: { phrases: string[]; modals: string[]; scheduling: string[] };
    accusations: string[];
    intentions: string[];
    opinions: string[];
  };
}

/**
 * How a cue verb attributes: speech names a source by itself ("Lavrov said"); a finding only with a
 * complement or a document subject ("the report found that"); a stance only when its subject names
 * someone ("Clinton wants to …", not "the bill supports …").
 */
export type VerbClass = 'speech' | 'finding' | 'stance';

/** A cue verb by its lemma: its class and the words that must follow it ("point" + "out"), if any. */
export interface CueVerb {
  verbClass: VerbClass;
  particles: readonly string[];
}

/** The attribution vocabulary (seeds/attribution.yaml) compiled for matching. */
export interface AttributionVocabulary {
  /** Cue verbs by lemma; a lemma may have several entries ("point out", "point to"), strongest class first. */
  cueVerbs: ReadonlyMap<string, readonly CueVerb[]>;
  /** Nouns that carry a source's words ("claim", "statement"), by lemma. */
  nominalCues: ReadonlySet<string>;
  /** Verbs whose subject issues a nominal cue ("issued a statement"), by lemma. */
  lightVerbs: ReadonlySet<string>;
  /** Reporting verbs whose object is the person told ("told reporters"), by lemma. */
  addresseeVerbs: ReadonlySet<string>;
  /** Words that label rather than name a speaker before a colon ("Update:"). */
  colonLabels: ReadonlySet<string>;
  /** People and bodies named by role ("the candidate"): subjects that can hold a view. */
  agentNouns: ReadonlySet<string>;
  /** Modals and raising words that leave a cue's statement unmade ("will announce", "is set to say"). */
  prospective: ReadonlySet<string>;
  introducers: PhraseMatcher<true>;
  documentNouns: ReadonlySet<string>;
  institutionNouns: ReadonlySet<string>;
  vagueNouns: ReadonlySet<string>;
  unnamingModifiers: ReadonlySet<string>;
  vaguePhrases: PhraseMatcher<true>;
  /** Words before a short quotation that present it as a name, a title or a word mentioned ("so-called", "the slogan"). */
  quotedNaming: PhraseMatcher<true>;
  /** Claim phrases by kind (figures, dates and predictions with modals are read by code as well). */
  claimPhrases: PhraseMatcher<ClaimKind>;
  /** People counted in a claim: any number with one of these is a figure. */
  figurePeople: ReadonlySet<string>;
  /** Other counted things: figures when written in digits (10 or more). */
  figureNouns: ReadonlySet<string>;
  figureUnits: ReadonlySet<string>;
  /** Measurements a reporter can check: never a figure claim by themselves. */
  measurements: ReadonlySet<string>;
  /** Words of routine market data: figures, trends and comparisons in a sentence with one are not claims. */
  markets: PhraseMatcher<true>;
  /** Proportions counted ("a third of", "one in ten"): figures. */
  proportions: PhraseMatcher<true>;
  /** Words of a lead or deficit: with them a number of points is a poll figure. */
  leads: ReadonlySet<string>;
  /** Verbs of change in a quantity, by lemma ("rise", "double"). */
  trendVerbs: ReadonlySet<string>;
  /** Heads of a subject that is measured ("prices", "unemployment"): with a trend verb, a trend claim. */
  trendMeasures: ReadonlySet<string>;
  /** Words of courtesy and ceremony ("thank", "welcome"): one feature of the claim detector. */
  courtesy: ReadonlySet<string>;
  /** Verbs that predicate a superlative of their subject ("is the largest"). */
  predicativeVerbs: PhraseMatcher<true>;
  /** Words that give a superlative its scope ("since", "ever", "world"). */
  superlativeScope: ReadonlySet<string>;
  modals: ReadonlySet<string>;
  schedulingVerbs: ReadonlySet<string>;
}

const EMPTY: AttributionData = {
  speechVerbs: [],
  findingVerbs: [],
  stanceVerbs: [],
  nominalCues: [],
  lightVerbs: [],
  addresseeVerbs: [],
  colonLabels: [],
  agentNouns: [],
  prospective: [],
  sourceIntroducers: [],
  documentNouns: [],
  institutionNouns: [],
  vagueSourceNouns: [],
  unnamingModifiers: [],
  vaguePhrases: [],
  claims: {
    figures: { people: [], nouns: [], units: [], measurements: [] },
    trends: { verbs: [], measures: [] },
    superlatives: [],
    comparisons: [],
    causal: [],
    predictions: { phrases: [], modals: [], scheduling: [] },
    accusations: [],
    intentions: [],
    opinions: [],
  },
};

function wordSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => phraseKeys(w).join(' ')).filter(Boolean));
}

/** Loads seeds/attribution.yaml. */
export function buildAttributionVocabulary(source: DataFileText): { vocabulary: AttributionVocabulary; problems: DataProblem[] } {
  const parsed = parseDataFile<AttributionData>(source.file, source.text, attributionSchema);
  const data = parsed.problems.length === 0 && parsed.value ? parsed.value : EMPTY;
  const cueVerbs = new Map<string, CueVerb[]>();
  const addVerbs = (verbs: readonly string[], verbClass: VerbClass): void => {
    for (const verb of verbs) {
      const [lemma, ...particles] = phraseKeys(verb);
      if (!lemma) continue;
      const entries = cueVerbs.get(lemma) ?? [];
      // the first list that names a verb with these particles decides its class (speech before finding)
      if (!entries.some((e) => e.particles.join(' ') === particles.join(' '))) entries.push({ verbClass, particles });
      cueVerbs.set(lemma, entries);
    }
  };
  addVerbs(data.speechVerbs, 'speech');
  addVerbs(data.findingVerbs, 'finding');
  addVerbs(data.stanceVerbs, 'stance');
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
      cueVerbs,
      nominalCues: wordSet(data.nominalCues),
      lightVerbs: wordSet(data.lightVerbs),
      addresseeVerbs: wordSet(data.addresseeVerbs),
      colonLabels: wordSet(data.colonLabels),
      agentNouns: wordSet(data.agentNouns),
      prospective: wordSet(data.prospective),
      introducers: phrases(data.sourceIntroducers),
      documentNouns: wordSet(data.documentNouns),
      institutionNouns: wordSet(data.institutionNouns),
      vagueNouns: wordSet(data.vagueSourceNouns),
      unnamingModifiers: wordSet(data.unnamingModifiers),
      vaguePhrases: phrases(data.vaguePhrases),
      quotedNaming: phrases(data.quotedNaming ?? []),
      claimPhrases,
      figurePeople: wordSet(claims.figures.people),
      figureNouns: wordSet(claims.figures.nouns),
      figureUnits: new Set(claims.figures.units.map((u) => u.toLowerCase())),
      measurements: wordSet(claims.figures.measurements),
      markets: phrases(claims.figures.markets ?? []),
      proportions: phrases(claims.figures.proportions ?? []),
      leads: wordSet(claims.figures.leads ?? []),
      trendVerbs: wordSet(claims.trends.verbs),
      trendMeasures: wordSet(claims.trends.measures),
      courtesy: wordSet(claims.courtesy ?? []),
      predicativeVerbs: phrases(claims.predicativeVerbs ?? []),
      superlativeScope: wordSet(claims.superlativeScope ?? []),
      modals: wordSet(claims.predictions.modals),
      schedulingVerbs: wordSet(claims.predictions.scheduling),
    },
    problems: parsed.problems,
  };
}
