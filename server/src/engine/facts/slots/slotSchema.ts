import { ENTITY_ID_SCHEMA } from './schemaPieces';
import type { JsonSchema, SlotKind } from './slotKind';

/** JSON-equality of two schema fragments (key order included, as the generated file writes them). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `a`'s keys without `description`. */
const withoutDescription = ({ description: _description, ...rest }: JsonSchema): JsonSchema => rest;

/**
 * The schema of one slot, from the kinds' pieces: `type` names a kind; every key any kind reads is allowed
 * (a key two kinds share is described by the first); each kind's `requires` applies when `type` is its own
 * (kinds with the same requirements share one condition). `value`'s description says what each kind puts there.
 */
export function slotItemSchema(kinds: readonly SlotKind<{ type: string }>[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const kind of kinds) {
    for (const [key, schema] of Object.entries(kind.schema.properties ?? {})) {
      const known = properties[key];
      if (known && !same(withoutDescription(known), withoutDescription(schema)))
        throw new Error(`slot kind "${kind.type}" gives key "${key}" another schema than an earlier kind`);
      properties[key] ??= schema;
    }
  }
  const valueKinds = new Map<string, string[]>();
  for (const kind of kinds)
    if (kind.schema.value) valueKinds.set(kind.schema.value, [...(valueKinds.get(kind.schema.value) ?? []), kind.type]);
  const valueDescription = [...valueKinds].map(([holds, types]) => `${types.join('/')}: ${holds}`).join('; ');
  const conditions: { types: string[]; requires: JsonSchema }[] = [];
  for (const kind of kinds) {
    const requires = kind.schema.requires;
    if (!requires) continue;
    const shared = conditions.find((c) => same(c.requires, requires));
    if (shared) shared.types.push(kind.type);
    else conditions.push({ types: [kind.type], requires });
  }
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: { enum: kinds.map((k) => k.type) },
      value: { description: `${valueDescription}.` },
      ...properties,
    },
    allOf: conditions.map(({ types, requires }) => ({
      if: { properties: { type: types.length === 1 ? { const: types[0] } : { enum: types } } },
      then: requires,
    })),
  };
}

/** Path of the slot schema inside the facts schema. */
type FactsSchema = {
  properties: { facts: { items: { properties: { slots: { items: unknown } } } } };
  definitions?: Record<string, unknown>;
};

/** The facts schema with its slot definitions (and the entity-id definition they refer to) made from `kinds`. */
export function factsSchemaWithSlots(committed: object, kinds: readonly SlotKind<{ type: string }>[]): object {
  const schema = structuredClone(committed) as FactsSchema;
  schema.properties.facts.items.properties.slots.items = slotItemSchema(kinds);
  schema.definitions = { ...schema.definitions, entityId: ENTITY_ID_SCHEMA };
  return schema;
}
