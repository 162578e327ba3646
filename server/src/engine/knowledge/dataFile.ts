import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Span } from '../types';

/** A problem in a data file (fact base, lexicon, `.claimlint.yaml`), positioned for editors and terminals. */
export interface DataProblem extends Span {
  file: string;
  /** 1-based line and column of `start`, as terminals print them. */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** The YAML path of the offending node, when the problem is about one. */
  path?: (string | number)[];
}

/** A parsed and schema-checked YAML file. `value` is undefined when the file could not be used at all. */
export interface DataFile<T> {
  file: string;
  text: string;
  value: T | undefined;
  problems: DataProblem[];
  /** The text span of the node at `path` (keys and sequence indexes), or of the nearest existing parent. */
  spanOf(path: readonly (string | number)[]): Span;
  /** A positioned problem about the node at `path`. */
  problemAt(path: (string | number)[], message: string, severity?: 'error' | 'warning'): DataProblem;
}

/** Uses of YAML anchors (`*name`) allowed before a file is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 5000;

/** Files larger than this are refused before parsing. */
export const MAX_DATA_FILE_BYTES = 8 * 1024 * 1024;

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function decodePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the file';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

function nodeSpan(node: unknown): Span | undefined {
  if (isNode(node) && node.range) return { start: node.range[0], end: node.range[1] };
  return undefined;
}

function keySpan(doc: Document, path: readonly (string | number)[], key: string): Span | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as (string | number)[], true);
  if (!isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return nodeSpan(item.key);
  }
  return undefined;
}

function plainMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}"`;
    case 'type':
      return `should be ${params.type === 'array' ? 'a list' : params.type === 'object' ? 'a mapping' : `a ${String(params.type)}`}`;
    case 'enum':
      return `should be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'minItems':
      return `should have at least ${String(params.limit)} item(s)`;
    case 'maxItems':
      return `should have at most ${String(params.limit)} items`;
    case 'minLength':
      return 'should not be empty';
    case 'maxLength':
      return `is too long (at most ${String(params.limit)} characters)`;
    case 'pattern':
      return `does not have the expected form (${error.message ?? 'pattern'})`;
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * Parses YAML `text` and validates it against a JSON Schema. Syntax errors, duplicate keys and schema
 * violations all become positioned problems in plain language; the value is returned whenever the YAML
 * parsed, so callers can still use the valid parts.
 */
export function parseDataFile<T>(file: string, text: string, schema: object): DataFile<T> {
  const lineCounter = new LineCounter();
  const problems: DataProblem[] = [];
  const positioned = (span: Span, message: string, severity: 'error' | 'warning' = 'error', path?: (string | number)[]): DataProblem => {
    const pos = lineCounter.lineStarts.length > 0 ? lineCounter.linePos(span.start) : { line: 1, col: 1 };
    return { file, start: span.start, end: Math.max(span.end, span.start), line: pos.line, column: pos.col, message, severity, ...(path ? { path } : {}) };
  };
  const unusable = (message: string): DataFile<T> => {
    problems.push(positioned({ start: 0, end: 0 }, message));
    return { file, text, value: undefined, problems, spanOf: () => ({ start: 0, end: 0 }), problemAt: (path, m, sev) => positioned({ start: 0, end: 0 }, m, sev, path) };
  };
  if (text.length > MAX_DATA_FILE_BYTES) {
    return unusable(`file is too large to load (${text.length} characters; the limit is ${MAX_DATA_FILE_BYTES})`);
  }
  if (text.includes('\u0000')) return unusable('file looks binary (it contains NUL bytes), not YAML');
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const spanOf = (path: readonly (string | number)[]): Span => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
      const span = nodeSpan(node as Node);
      if (span) return span;
    }
    return { start: 0, end: 0 };
  };
  const problemAt = (path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error'): DataProblem =>
    positioned(spanOf(path), message, severity, path);
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const start = Math.min(error.pos[0], text.length);
    problems.push(positioned({ start, end: Math.min(Math.max(error.pos[1], start), text.length) }, `YAML syntax: ${message}`));
  }
  if (doc.errors.length > 0) return { file, text, value: undefined, problems, spanOf, problemAt };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    problems.push(positioned({ start: 0, end: 0 }, `cannot be read: ${(error as Error).message} (more than ${MAX_ALIAS_COUNT} uses of YAML anchors; write the values out)`));
    return { file, text, value: undefined, problems, spanOf, problemAt };
  }
  const validate = validatorFor(schema);
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const path = decodePointer(error.instancePath);
      const params = error.params as Record<string, unknown>;
      const span =
        (error.keyword === 'additionalProperties' && keySpan(doc, path, String(params.additionalProperty))) || spanOf(path);
      problems.push(positioned(span, `${describePath(path)}: ${plainMessage(error)}`, 'error', path));
    }
  }
  return { file, text, value: value as T, problems, spanOf, problemAt };
}

/** Formats a problem the way compilers do: `file:line:column: severity: message`. */
export function formatProblem(problem: DataProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

/** Indexes of the items of the top-level list `key` that some problem is about. */
export function invalidItems(problems: readonly DataProblem[], key: string): Set<number> {
  const indexes = new Set<number>();
  for (const problem of problems) {
    if (problem.path?.[0] === key && typeof problem.path[1] === 'number') indexes.add(problem.path[1]);
  }
  return indexes;
}
