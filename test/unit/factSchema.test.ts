import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SLOT_KINDS } from '../../server/src/engine/facts/slots';
import { slotItemSchema } from '../../server/src/engine/facts/slots/slotSchema';
import type { JsonSchema, SlotKind } from '../../server/src/engine/facts/slots/slotKind';
import { FACT_SCHEMA_FILE, generatedFactSchema } from '../tools/factSchema';

describe('facts schema from the slot kinds', () => {
  it('the committed seeds/schema/facts.schema.json is what the slot kinds generate', () => {
    assert.ok(
      fs.readFileSync(FACT_SCHEMA_FILE, 'utf8') === generatedFactSchema(),
      'seeds/schema/facts.schema.json differs from what the slot kinds generate: run npm run generate',
    );
  });

  it('lists every kind, says what each puts in `value`, and groups kinds with the same requirements', () => {
    const schema = slotItemSchema(SLOT_KINDS) as {
      properties: { type: { enum: string[] }; value: { description: string } };
      allOf: { if: { properties: { type: { const?: string; enum?: string[] } } } }[];
    };
    assert.deepEqual(
      schema.properties.type.enum,
      SLOT_KINDS.map((k) => k.type),
    );
    assert.match(
      schema.properties.value.description,
      /^quantity\/ordinal(\/\w+)*: a number; weekday: a day name; place\/person\/outlet: an entity id/,
    );
    assert.ok(schema.allOf.some((c) => c.if.properties.type.enum?.join() === 'place,person,outlet'));
  });

  it('refuses two kinds that give one key different schemas', () => {
    const kind = (type: string, unit: JsonSchema): SlotKind<{ type: string }> => ({
      type,
      name: type,
      check: () => undefined,
      describe: () => type,
      schema: { properties: { unit } },
    });
    assert.throws(() => slotItemSchema([kind('a', { type: 'string' }), kind('b', { type: 'number' })]), /slot kind "b" gives key "unit"/);
    assert.doesNotThrow(() => slotItemSchema([kind('a', { type: 'string', description: 'x' }), kind('b', { type: 'string' })]));
  });
});
