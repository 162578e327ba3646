import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

// verbose: errors carry the schema they failed, so an unknown key can be answered with the nearest known one
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });

/**
 * A schema split in two: the file's outline with its top-level lists' `items` accepting anything, and one
 * validator per such list for its items. Ajv merges the errors of a referenced schema by copying every error
 * so far (`vErrors.concat`), so validating a long list whole costs the square of its errors (40,000 bad
 * items took 34 s); items validated one at a time cost a constant each.
 */
interface SplitValidator {
  outline: ValidateFunction;
  items: Map<string, ValidateFunction>;
}

const compiled = new WeakMap<object, SplitValidator>();

type SchemaObject = { $id?: string; properties?: Record<string, { type?: string; items?: unknown }>; definitions?: unknown };

function splitValidator(schema: object): SplitValidator {
  let split = compiled.get(schema);
  if (!split) {
    const { $id: _id, ...root } = schema as SchemaObject;
    const properties = { ...root.properties };
    const items = new Map<string, ValidateFunction>();
    for (const [key, property] of Object.entries(properties)) {
      if (property.items === undefined) continue;
      items.set(key, ajv.compile({ definitions: root.definitions, ...(property.items as object) }));
      properties[key] = { ...property, items: true };
    }
    split = { outline: ajv.compile({ ...root, properties }), items };
    compiled.set(schema, split);
  }
  return split;
}

/** Every way `value` breaks `schema` (JSON Schema draft-07), in time linear in the errors found. */
export function schemaErrors(schema: object, value: unknown): ErrorObject[] {
  const { outline, items } = splitValidator(schema);
  const errors: ErrorObject[] = [];
  if (!outline(value)) for (const error of outline.errors ?? []) errors.push(error);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return errors;
  for (const [key, validateItem] of items) {
    const list = (value as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (validateItem(item)) return;
      for (const error of validateItem.errors ?? []) errors.push({ ...error, instancePath: `/${key}/${index}${error.instancePath}` });
    });
  }
  return errors;
}
