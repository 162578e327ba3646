import type { ClaimModel } from '../analysis/claimModel';
import { SHIPPED_CLAIM_MODEL } from '../analysis/claimModel';
import { contentHash } from '../hash';
import type { DataProblem } from './dataFile';
import type { AttributionVocabulary } from './attributionVocabulary';
import { buildAttributionVocabulary } from './attributionVocabulary';
import type { FactBase } from './factBase';
import { buildFactBase } from './factBase';
import type { Lexicon } from './lexicon';
import { buildLexicon } from './lexicon';
import type { SeedLibrary } from './seedLibrary';
import { buildSeedLibrary } from './seedLibrary';
import type { SourceFile } from './sourceFiles';
import type { Vocabulary } from './vocabulary';
import { buildVocabulary } from './vocabulary';

/** The data files knowledge is built from: built-in ones first, then the user's. */
export interface KnowledgeFiles {
  metadata: SourceFile;
  seeds: SourceFile[];
  /** seeds/vocabulary.yaml: titles and stance scales. */
  vocabulary: SourceFile;
  /** seeds/attribution.yaml: how sources are named and what makes a claim. */
  attribution: SourceFile;
  lexicons: SourceFile[];
  /** Entity registries and fact files, built-in first. */
  factFiles: SourceFile[];
}

/** Everything the rules consult, compiled once and shared by every lint. */
export interface Knowledge {
  seeds: SeedLibrary;
  lexicon: Lexicon;
  vocabulary: Vocabulary;
  attribution: AttributionVocabulary;
  facts: FactBase;
  /** The claim detector's weights (bundled; the evaluation swaps in cross-validation folds). */
  claimModel: ClaimModel;
  /** Problems found while loading; the valid parts are still used. */
  problems: DataProblem[];
  /** Changes whenever any input file changes: part of every cache key. */
  version: string;
}

/** How many compiled lexicons `lexiconFor` keeps (a workspace rarely has more than a few distinct sets). */
const MAX_CACHED_LEXICONS = 4;
const compiledLexicons = new Map<string, ReturnType<typeof buildLexicon>>();

/**
 * The lexicon compiled from `files`, reused while the same files, seed metadata and seed texts come again:
 * the lexicon's YAML (some 850 KB, most of it examples) is the slowest data to read, about half a second,
 * and it is the same for every folder and fact-base change that adds no lexicon of its own. The compiled
 * lexicon is never mutated, so knowledge built from the same texts can share it.
 */
function lexiconFor(files: KnowledgeFiles, library: SeedLibrary): ReturnType<typeof buildLexicon> {
  const inputs = [...files.lexicons, files.metadata, ...files.seeds];
  // the texts themselves are the key (a short hash could collide and hand back another lexicon)
  const key = inputs.map((f) => f.file + '\u0000' + f.text).join('\u0001');
  let compiled = compiledLexicons.get(key);
  if (!compiled) {
    compiled = buildLexicon(files.lexicons, library);
    if (compiledLexicons.size >= MAX_CACHED_LEXICONS) compiledLexicons.delete(compiledLexicons.keys().next().value as string);
    compiledLexicons.set(key, compiled);
  }
  return compiled;
}

/** Builds knowledge from file contents. Never throws on bad data: problems are collected instead. */
export function buildKnowledge(files: KnowledgeFiles): Knowledge {
  const { library, problems: seedProblems } = buildSeedLibrary(files.metadata, files.seeds);
  const { lexicon, problems: lexiconProblems } = lexiconFor(files, library);
  const { vocabulary, problems: vocabularyProblems } = buildVocabulary(files.vocabulary);
  const { factBase, problems: factProblems } = buildFactBase(files.factFiles, library, vocabulary);
  const { vocabulary: attribution, problems: attributionProblems } = buildAttributionVocabulary(files.attribution);
  const all = [files.metadata, files.vocabulary, files.attribution, ...files.seeds, ...files.lexicons, ...files.factFiles];
  return {
    seeds: library,
    lexicon,
    vocabulary,
    attribution,
    facts: factBase,
    claimModel: SHIPPED_CLAIM_MODEL,
    problems: [...seedProblems, ...lexiconProblems, ...vocabularyProblems, ...factProblems, ...attributionProblems],
    version: contentHash(all.map((f) => f.file + '\u0000' + f.text).join('\u0001')),
  };
}
