/**
 * The kinds of fact value ("slots"), one file each: the registry. A new kind is a file of its own (its slot
 * interface, comparison, plain-words display, name, flags and schema piece, see ./slotKind.ts) and one line
 * in `KINDS`; then `npm run generate` regenerates seeds/schema/facts.schema.json.
 */
import type { Fact, FactData } from '../../knowledge/factTypes';
import type { Knowledge } from '../../knowledge/knowledge';
import type { SentenceFacts } from '../sentenceFacts';
import type { SlotResult } from '../slotResult';
import { date } from './date';
import { ordinal } from './ordinal';
import { outlet } from './outlet';
import { percent } from './percent';
import { person } from './person';
import { place } from './place';
import { quantity } from './quantity';
import { relative } from './relative';
import type { SlotKind, SlotOf } from './slotKind';
import { stance } from './stance';
import { weekday } from './weekday';

/** Every kind of slot, in the order the schema lists them. */
const KINDS = [quantity, ordinal, date, weekday, relative, place, person, outlet, stance, percent] as const;

/** A typed value a draft can get wrong: one of the registered kinds' slots, told apart by `type`. */
export type Slot = SlotOf<(typeof KINDS)[number]>;

/** The registered kinds. */
export const SLOT_KINDS: readonly SlotKind<Slot>[] = KINDS;

const BY_TYPE = new Map<string, SlotKind<Slot>>(SLOT_KINDS.map((kind) => [kind.type, kind]));

/** The kind of a slot type, or undefined for a type no kind registers. */
export function slotKind(type: string): SlotKind<Slot> | undefined {
  return BY_TYPE.get(type);
}

/**
 * A fact's slots as the registered kinds' (the facts schema checked their keys when the fact base was
 * loaded; extraction writes only registered kinds).
 */
export function slotsOf(fact: FactData): readonly Slot[] {
  return (fact.slots ?? []) as readonly Slot[];
}

/** Compares a slot with a sentence by its kind's check; nothing to compare for an unknown kind. */
export function checkSlot(slot: Slot, sentence: SentenceFacts, fact: Fact, knowledge: Knowledge): SlotResult {
  return slotKind(slot.type)?.check(slot, sentence, fact, knowledge);
}

/** A slot's value in plain words ("up to 140,000 Shiite forces", "in Tehran"); the type for an unknown kind. */
export function describeSlot(slot: Slot, knowledge: Knowledge): string {
  return slotKind(slot.type)?.describe(slot, knowledge) ?? slot.type;
}

/** What findings call a slot type's value ("number", "percentage"). */
export function slotName(type: string): string | undefined {
  return slotKind(type)?.name;
}

/** True when the kind of `type` has `flag` (core, eventDetail, entity, channel, reachesFar). */
export function slotFlag(type: string, flag: 'core' | 'eventDetail' | 'entity' | 'channel' | 'reachesFar'): boolean {
  return slotKind(type)?.[flag] === true;
}

export type { SlotKind } from './slotKind';
