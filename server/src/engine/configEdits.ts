import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { TextEdit } from './types';

function yamlString(term: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} '\u2019.-]*$/u.test(term) && !/^(true|false|null|yes|no|on|off|~)$/i.test(term)
    ? term
    : JSON.stringify(term);
}

/**
 * The edit that adds `term` to the `allow` list of a `.claimlint.yaml` whose current text is `text`
 * (empty for a new file), preserving everything else in the file. Returns undefined when the term is
 * already allowed or the file cannot be parsed safely (the user then edits by hand).
 */
export function allowListEdit(text: string, term: string): TextEdit | undefined {
  const entry = yamlString(term);
  if (text.trim() === '') return { start: 0, end: text.length, newText: `allow:\n  - ${entry}\n` };
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return undefined;
  const allow = isMap(doc.contents) ? doc.contents.get('allow', true) : undefined;
  if (allow === undefined || (isScalar(allow) && allow.value === null)) {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'allow') : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) {
      const lineEnd = text.indexOf('\n', pair.key.range[0]);
      const at = lineEnd < 0 ? text.length : lineEnd;
      return { start: at, end: at, newText: `\n  - ${entry}` };
    }
    const separator = text.endsWith('\n') ? '' : '\n';
    return { start: text.length, end: text.length, newText: `${separator}allow:\n  - ${entry}\n` };
  }
  if (!isSeq(allow) || !allow.range) return undefined;
  if (allow.items.some((item) => isScalar(item) && String(item.value).toLowerCase() === term.toLowerCase())) return undefined;
  if (allow.flow) {
    const close = text.lastIndexOf(']', allow.range[1]);
    const needsComma = allow.items.length > 0;
    return { start: close, end: close, newText: `${needsComma ? ', ' : ''}${entry}` };
  }
  const last = allow.items[allow.items.length - 1];
  if (!isScalar(last) || !last.range) return undefined;
  const itemStart = text.lastIndexOf('\n', last.range[0]) + 1;
  const indent = /^[ \t]*/.exec(text.slice(itemStart))?.[0] ?? '  ';
  return { start: last.range[1], end: last.range[1], newText: `\n${indent}- ${entry}` };
}
