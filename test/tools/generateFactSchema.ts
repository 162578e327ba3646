/**
 * `npm run generate` (with the registry's artefacts): writes seeds/schema/facts.schema.json with the slot definitions the slot
 * kinds give (server/src/engine/facts/slots/). test/unit/factSchema.test.ts fails while the
 * committed file differs from what this writes.
 */
import * as fs from 'node:fs';
import { FACT_SCHEMA_FILE, generatedFactSchema } from './factSchema';

const text = generatedFactSchema();
const changed = fs.readFileSync(FACT_SCHEMA_FILE, 'utf8') !== text;
if (changed) fs.writeFileSync(FACT_SCHEMA_FILE, text);
console.log(`${FACT_SCHEMA_FILE}: ${changed ? 'written' : 'up to date'}`);
