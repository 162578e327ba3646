import type { ClaimModel } from './claimModel';
import { SHIPPED_CLAIM_MODEL } from './claimModel';
import { contentHash } from '../hash';
import type { DataProblem } from '../types';
import type { AttributionVocabulary } from './attributionVocabulary';
import { buildAttributionVocabulary } from './attributionVocabulary';
import type { FactBase } from './factBase';
import { buildFactBase } from './factBase';
import type { Lexicon } from './lexicon';
import { buildLexicon } from './lexicon';
import type { ExtractedFacts } from './factTypes';
import type { LibraryDocument, SeedLibrary } from './seedLibrary';
import { buildSeedLibrary } from './seedLibrary';
import type { DataFileText } from '../types';
import type { Vocabulary } from './vocabulary';
import { buildVocabulary } from './vocabulary';

/** The data files knowledge is built from: built-in ones first, then the user's. */
export interface KnowledgeFiles {
  metadata: DataFileText;
  seeds: DataFileText[];
  /** seeds/vocabulary.yaml: titles and stance scales. */
  vocabulary: DataFileText;
  /** seeds/attribution.yaml: how sources are named and what makes a claim. */
  attribution: DataFileText;
  lexicons: DataFileText[];
  /** Entity registries and fact files, built-in first. */
  factFiles: DataFileText[];
  /** The reporter's source documents, already read (see engine/sources/readSource.ts). */
  sources?: readonly ReadSource[];
}

/** A source document with its metadata and the facts extraction read from it. */
export interface ReadSource {
  document: LibraryDocument;
  extracted: ExtractedFacts;
  /** Content hash of the document's text (part of the knowledge version). */
  hash: string;
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

/** Builds knowledge from file contents. Never throws on bad data: problems are collected instead. */
export function buildKnowledge(files: KnowledgeFiles): Knowledge {
  const sources = files.sources ?? [];
  const { library, problems: seedProblems } = buildSeedLibrary(
    files.metadata,
    files.seeds,
    sources.map((s) => s.document),
  );
  const { lexicon, problems: lexiconProblems } = buildLexicon(files.lexicons, library);
  const { vocabulary, problems: vocabularyProblems } = buildVocabulary(files.vocabulary);
  const { factBase, problems: factProblems } = buildFactBase(
    files.factFiles,
    library,
    vocabulary,
    sources.map((s) => s.extracted),
  );
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
    version: contentHash(
      [...all.map((f) => f.file + '\u0000' + f.text), ...sources.map((s) => s.document.file + '\u0000' + s.hash)].join('\u0001'),
    ),
  };
}
