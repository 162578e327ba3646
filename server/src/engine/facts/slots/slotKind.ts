import type { Fact } from '../../knowledge/factTypes';
import type { Knowledge } from '../../knowledge/knowledge';
import type { SentenceFacts } from '../sentenceFacts';
import type { SlotResult } from '../slotResult';

/** A JSON Schema (draft-07) fragment, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * A kind's part of the facts schema (seeds/schema/facts.schema.json, generated from the kinds by
 * `npm run generate`). Every slot is checked against one flat list of keys, the union of the
 * kinds' `properties`, and then against its own kind's `requires`.
 */
export interface SlotSchemaPiece {
  /** The keys this kind reads, with their schemas (a key two kinds share must have the same schema). */
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  /** What the kind's `value` holds, in a few words ("a number"), for the description of `value`. */
  readonly value?: string;
  /** What a slot of this kind must have (applied when `type` is this kind's). */
  readonly requires?: JsonSchema;
}

/**
 * One kind of fact value ("slot"): its tag, how a draft's words are compared with it, how it is said in
 * plain words, what findings call it, how the rules treat it, and its schema. The kinds are registered in
 * ./index.ts.
 */
export interface SlotKind<S extends { readonly type: string }> {
  /** The tag a fact file writes in `type`. */
  readonly type: S['type'];
  /** What a finding calls a value of this kind ("number", "percentage"). */
  readonly name: string;
  /** A sentence must state this value, not merely leave it out, to state the fact's claim (stances, numbers). */
  readonly core?: boolean;
  /** The value identifies an event less than its place does: it is not compared when the sentence happens elsewhere. */
  readonly eventDetail?: boolean;
  /** The value is an entity (a place, person, outlet): a sentence that also names the fact's own acknowledges the event. */
  readonly entity?: boolean;
  /** The value is the channel of a claim (an outlet), not part of it: it may stand anywhere in the sentence. */
  readonly channel?: boolean;
  /** The value's own words tie it to the fact (a quantity's unit), so a conflict reaches further from the cue. */
  readonly reachesFar?: boolean;
  /** Compares the slot with a sentence: a conflict, an agreement, or nothing to compare. */
  check(slot: S, sentence: SentenceFacts, fact: Fact, knowledge: Knowledge): SlotResult;
  /** The value in plain words: "up to 140,000 Shiite forces", "on 23 November 2015", "in Tehran". */
  describe(slot: S, knowledge: Knowledge): string;
  readonly schema: SlotSchemaPiece;
}

/** The slot type a kind checks. */
export type SlotOf<K> = K extends SlotKind<infer S> ? S : never;
