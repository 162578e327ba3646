import type { JsonSchema } from './slotKind';

/** A list of phrases as fact files write them (unit words, anchors, topics). */
export function phraseList(description: string, maxItems = 200): JsonSchema {
  return { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems, description };
}

/** An entity id (defined once in the facts schema's `definitions`); a slot whose value is one refers to an entity. */
export const ENTITY_ID: JsonSchema = { $ref: '#/definitions/entityId' };

/** The schema of an entity id. */
export const ENTITY_ID_SCHEMA: JsonSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 };

/** How a source qualifies a number (quantities, percentages). */
export const QUALIFIER: JsonSchema = {
  enum: ['exact', 'about', 'up-to', 'nearly', 'more-than', 'at-least', 'fewer-than'],
  description: 'How the source qualifies a quantity.',
};

/** A slot whose `value` is an entity id. */
export const ENTITY_VALUE: JsonSchema = { required: ['value'], properties: { value: ENTITY_ID } };
