import type { DataProblem } from '../types';
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isNode, isPair, isScalar, Lexer, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Span } from '../types';
import { schemaErrors } from './schemaCheck';

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

/**
 * How much YAML a file may hold. Parsing costs about 0.4 KB of heap per token in the worst case (a flow list
 * of one-letter items), whatever the bytes, so tokens are counted by the lexer before anything is built;
 * the limits keep one file's worst case near 100 MB under the server's 512 MB heap (measured by a test
 * run with the server's flags).
 */
export interface DataFileLimits {
  /** Characters. */
  maxLength: number;
  /** Lexer tokens: keys, values, indicators and the space between them. */
  maxTokens: number;
  /** Nesting of flow collections (`[…]`, `{…}`). */
  maxFlowDepth: number;
}

/** Limits of fact bases and lexicons: about four times the built-in lexicon (300 KB, 56,000 tokens). */
export const DATA_FILE_LIMITS: DataFileLimits = { maxLength: 2 * 1024 * 1024, maxTokens: 250_000, maxFlowDepth: 64 };

/** Files larger than this (bytes) are refused before they are read. */
export const MAX_DATA_FILE_BYTES = DATA_FILE_LIMITS.maxLength;

/** Control tokens of the `yaml` lexer: markers that stand for no source text. */
const LEXER_MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/** Where the text first goes past `limits` and how, or undefined when it stays within them. One lexer pass. */
function overLimit(text: string, limits: DataFileLimits): { offset: number; message: string } | undefined {
  let tokens = 0;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKERS.has(token)) continue;
    if (++tokens > limits.maxTokens) {
      return { offset, message: `file holds too much YAML to load (more than ${limits.maxTokens} tokens); split it into smaller files` };
    }
    if (token === '[' || token === '{') {
      if (++depth > limits.maxFlowDepth) return { offset, message: `lists or mappings are nested more than ${limits.maxFlowDepth} deep` };
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    offset += token.length;
  }
  return undefined;
}

/**
 * Keys repeated in one mapping, as positioned syntax problems. `yaml`'s own check compares each key with
 * every earlier key of its mapping (quadratic: 50,000 keys take 15 s); this one uses a set per mapping.
 */
function duplicateKeys(doc: Document): { span: Span; key: string }[] {
  const found: { span: Span; key: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const item of map.items) {
        const key = isScalar(item.key) ? item.key.value : item.key;
        if (typeof key === 'object' && key !== null) continue;
        if (seen.has(key)) found.push({ span: nodeSpan(item.key) ?? { start: 0, end: 0 }, key: String(key) });
        seen.add(key);
      }
    },
  });
  return found;
}

/** A short, escaped excerpt of file content for a message: never a whole line of a file that is not ours. */
function escapedExcerpt(value: string, max = 40): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/** 1-based line and column of `offset`, for problems found before the parser has counted lines. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Problems shown per file; a file that is not YAML at all would otherwise give one per line. */
const MAX_PROBLEMS_PER_FILE = 20;

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
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
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

/** How far (in edits) a misspelt key may be from a known one to be suggested: "loaded.trem" → "loaded.term". */
const MAX_SUGGESTION_DISTANCE = 3;

/** `; did you mean "loaded.term"?` for an unknown key close to one the schema knows, else nothing. */
function didYouMean(key: string, parentSchema: unknown): string {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  const known = properties ? Object.keys(properties) : [];
  if (known.length === 0 || key.length > 200) return '';
  const nearest = closest(key, known);
  const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.floor(key.length / 3));
  return distance(key, nearest) <= limit ? `; did you mean "${nearest}"?` : '';
}

function plainMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown key "${escapedExcerpt(String(params.additionalProperty))}"${didYouMean(String(params.additionalProperty), error.parentSchema)}`;
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
export function parseDataFile<T>(file: string, text: string, schema: object, limits: DataFileLimits = DATA_FILE_LIMITS): DataFile<T> {
  const lineCounter = new LineCounter();
  const problems: DataProblem[] = [];
  const positioned = (span: Span, message: string, severity: 'error' | 'warning' = 'error', path?: (string | number)[]): DataProblem => {
    const pos = lineCounter.lineStarts.length > 0 ? lineCounter.linePos(span.start) : { line: 1, col: 1 };
    return {
      file,
      start: span.start,
      end: Math.max(span.end, span.start),
      line: pos.line,
      column: pos.col,
      message,
      severity,
      ...(path ? { path } : {}),
    };
  };
  /** The file cannot be used: one problem, at `offset` (found before parsing, so its line is counted here). */
  const unusable = (message: string, offset = 0): DataFile<T> => {
    const { line, column } = lineAndColumn(text, offset);
    problems.push({ ...positioned({ start: offset, end: offset }, message), line, column });
    return {
      file,
      text,
      value: undefined,
      problems,
      spanOf: () => ({ start: 0, end: 0 }),
      problemAt: (path, m, sev) => positioned({ start: 0, end: 0 }, m, sev, path),
    };
  };
  if (text.length > limits.maxLength) {
    return unusable(`file is too large to load (${text.length} characters; the limit is ${limits.maxLength})`);
  }
  if (text.includes('\u0000')) return unusable('file looks binary (it contains NUL bytes), not YAML');
  const over = overLimit(text, limits);
  if (over) return unusable(over.message, over.offset);
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
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
  for (const { span, key } of duplicateKeys(doc))
    problems.push(positioned(span, `YAML syntax: Map keys must be unique ("${escapedExcerpt(key)}" is repeated)`));
  if (problems.length > 0) return { file, text, value: undefined, problems, spanOf, problemAt };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    problems.push(
      positioned(
        { start: 0, end: 0 },
        `cannot be read: ${(error as Error).message} (more than ${MAX_ALIAS_COUNT} uses of YAML anchors; write the values out)`,
      ),
    );
    return { file, text, value: undefined, problems, spanOf, problemAt };
  }
  {
    for (const error of schemaErrors(schema, value)) {
      const path = decodePointer(error.instancePath);
      const params = error.params as Record<string, unknown>;
      const span = (error.keyword === 'additionalProperties' && keySpan(doc, path, String(params.additionalProperty))) || spanOf(path);
      problems.push(positioned(span, `${describePath(path)}: ${plainMessage(error)}`, 'error', path));
    }
  }
  return { file, text, value: value as T, problems, spanOf, problemAt };
}

/**
 * The problems to show: at most `MAX_PROBLEMS_PER_FILE` per file, the last of them saying how many more
 * there were. (Callers keep every problem for their own use, such as `invalidItems`.)
 */
export function shownProblems(problems: readonly DataProblem[]): DataProblem[] {
  const perFile = new Map<string, number>();
  const shown: DataProblem[] = [];
  for (const problem of problems) {
    const count = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) shown.push(problem);
  }
  for (const [file, count] of perFile) {
    if (count <= MAX_PROBLEMS_PER_FILE) continue;
    const last = shown.filter((p) => p.file === file).pop() as DataProblem;
    shown.push({ ...last, path: undefined, message: `… and ${count - MAX_PROBLEMS_PER_FILE} more problem(s) in this file` });
  }
  return shown;
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
