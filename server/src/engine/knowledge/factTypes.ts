import type { SourceRef, Span } from '../types';

/** Provenance as written in a fact file. */
export interface SourceCitation {
  seed: string;
  passage: string;
  attribution: string;
}

/** A role a person held, with the passage that attests it. */
export interface RoleData {
  title: string;
  of?: string;
  asOf?: string;
  source: SourceCitation;
}

export type EntityType = 'person' | 'place' | 'country' | 'group' | 'organisation' | 'outlet';

/** An entity as written in a fact file (see seeds/schema/facts.schema.json). */
export interface EntityData {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  descriptors?: string[];
  adjectives?: string[];
  standsFor?: string[];
  country?: string;
  kind?: string;
  within?: string[];
  roles?: RoleData[];
  note?: string;
}

/** A loaded entity: the data, where it was defined, and its roles with resolved provenance. */
export interface Entity extends EntityData {
  file: string;
  span: Span;
  roleSources: (SourceRef | undefined)[];
}

/**
 * A typed value a draft can get wrong, as the knowledge layer holds it: the tag of its kind and that kind's
 * keys, which the facts schema checks (seeds/schema/facts.schema.json). The kinds themselves, with their
 * typed keys, comparisons and display, are plug-ins of the fact-reading layer (engine/facts/slots/).
 */
export interface SlotData {
  type: string;
  readonly [key: string]: unknown;
}

/** Words a source puts in someone's mouth. */
export interface QuoteData {
  speakers?: string[];
  text: string;
  outlet?: string;
}

/** A fact as written in a fact file. */
export interface FactData {
  id: string;
  statement: string;
  source: SourceCitation;
  asOf?: string;
  about?: (string | string[])[];
  cues?: string[];
  /** Words of which a sentence must also use one (when the cues are generic verbs). */
  context?: string[];
  slots?: SlotData[];
  quote?: QuoteData;
  disputes?: string[];
  note?: string;
}

/** A loaded fact with resolved provenance and the facts that dispute it. */
export interface Fact extends FactData {
  file: string;
  span: Span;
  /** Provenance with the article's metadata; undefined for user facts whose source is not a seed. */
  sourceRef: SourceRef;
  disputedBy: Fact[];
  /** Keys of the fact's cues with their cue groups (see seeds/vocabulary.yaml). */
  cueKeys: string[];
  /** Read from a source document by extraction, not curated: findings against it are warnings at most. */
  extracted?: boolean;
}

/** What extraction read from one source document (see engine/sources/extract.ts), before it joins the fact base. */
export interface ExtractedFacts {
  /** The document's key in the source library (its absolute path). */
  file: string;
  entities: EntityData[];
  facts: FactData[];
}
