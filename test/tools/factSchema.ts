/**
 * The facts schema as the slot kinds make it: seeds/schema/facts.schema.json with its slot definitions
 * generated from the kinds' schema pieces (server/src/engine/facts/slots/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SLOT_KINDS } from '../../server/src/engine/facts/slots';
import { factsSchemaWithSlots } from '../../server/src/engine/facts/slots/slotSchema';

/** Where the facts schema is committed. */
export const FACT_SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'seeds', 'schema', 'facts.schema.json');

/** The text the facts schema file should have: the committed file with the kinds' slot definitions. */
export function generatedFactSchema(): string {
  const committed = JSON.parse(fs.readFileSync(FACT_SCHEMA_FILE, 'utf8')) as object;
  return `${JSON.stringify(factsSchemaWithSlots(committed, SLOT_KINDS), null, 2)}\n`;
}
