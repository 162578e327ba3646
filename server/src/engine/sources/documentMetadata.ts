/**
 * Title, outlet and date of a reporter's source document (a press release, a transcript, wire copy), read
 * from YAML front matter or a header of `Key: value` lines at the top, else inferred from the text and
 * marked so — the same shape as the seeds' `metadata.yaml`.
 */
import { parse as parseYaml } from 'yaml';
import type { ArticleMetadata } from '../knowledge/seedLibrary';
import sourceWords from '../../../../seeds/language/sources.json';
import dates from '../../../../seeds/language/dates.json';
import { valueMap } from '../text/wordLists';

/** What a source document says about itself, and how each field was found (a seed's metadata, less its file); its date is '' when neither stated nor found. */
export type DocumentMetadata = Omit<ArticleMetadata, 'file'>;

/** Header keys and the field each gives (seeds/language/sources.json), a plain object as before. */
const HEADER_KEYS = sourceWords.lists.headerKeys.values as Record<string, 'title' | 'outlet' | 'date'>;

/** Month names and abbreviations with their numbers (seeds/language/dates.json). */
const MONTHS = valueMap<number>(dates.lists.months);
/**
 * Written dates: "2025-03-14", "March 14, 2025" ("Mar. 14, 2025"), "14 March 2025". The month names stay
 * in these literal patterns: the engine builds no RegExp from data (robustness.test.ts).
 */
const DATE_FORMS: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number, number] }[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    pattern:
      /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{1,2}),?\s+(\d{4})\b/i,
    read: (m) => [Number(m[3]), monthNumber(m[1]), Number(m[2])],
  },
  {
    pattern:
      /\b(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{4})\b/i,
    read: (m) => [Number(m[3]), monthNumber(m[2]), Number(m[1])],
  },
];

function monthNumber(word: string): number {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The first written date in `text` as an ISO date, or undefined. */
export function firstDate(text: string): string | undefined {
  let best: { at: number; iso: string } | undefined;
  for (const { pattern, read } of DATE_FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = read(m);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (!best || m.index < best.at) best = { at: m.index, iso: `${year}-${pad(month)}-${pad(day)}` };
  }
  return best?.iso;
}

/** Front matter's fields, when the text opens with `---` … `---` holding a YAML mapping. */
function frontMatter(text: string): Record<string, unknown> | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    const value: unknown = parseYaml(m[1], { maxAliasCount: 0 });
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A header line: a short key, a colon, a value ("Outlet: Radio Northfield"). */
const HEADER_LINE = /^([A-Za-z][A-Za-z ]{1,20}):\s+(.+)$/;

/** `Key: value` lines at the very top, up to the first blank line. */
function headerLines(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = HEADER_LINE.exec(line.trim());
    if (!m) break;
    const key = HEADER_KEYS[m[1].toLowerCase()];
    if (key) fields[key] = m[2].trim();
  }
  return fields;
}

/** The first line of prose: a short line that does not end a sentence (a headline). */
function firstLineTitle(text: string): string | undefined {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\s*\r?\n/, '');
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/^#+\s*/, '').trim();
    if (line === '' || HEADER_LINE.test(line)) continue;
    return line.length <= 140 && !/[.!?]["\u201D]?$/.test(line) ? line : undefined;
  }
  return undefined;
}

const asText = (value: unknown): string | undefined => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
};

/**
 * The document's title, outlet and date: stated in front matter or a header, else inferred (the first line
 * that reads as a headline, the file name; the first written date), each with its basis.
 */
export function readDocumentMetadata(fileName: string, text: string): DocumentMetadata {
  const front = frontMatter(text);
  const header = front ? {} : headerLines(text);
  const stated = (key: 'title' | 'outlet' | 'date'): string | undefined =>
    asText(front?.[key] ?? (key === 'outlet' ? (front?.source ?? front?.publisher) : undefined)) ?? header[key];
  const where = front ? 'stated in the front matter' : 'stated in the header';

  const title = stated('title');
  const headline = title ? undefined : firstLineTitle(text);
  const outlet = stated('outlet');
  const statedDate = stated('date');
  const statedIso = statedDate ? (firstDate(statedDate) ?? (/^\d{4}-\d{2}-\d{2}$/.test(statedDate) ? statedDate : undefined)) : undefined;
  const foundDate = statedIso ? undefined : firstDate(text);
  return {
    title: title ?? headline ?? fileName,
    titleBasis: title ? where : headline ? 'inferred — the first line' : 'inferred — the file name',
    outlet: outlet ?? 'unknown outlet',
    outletBasis: outlet ? where : 'inferred — the document names no outlet',
    date: statedIso ?? foundDate ?? '',
    dateBasis: statedIso ? where : foundDate ? 'inferred — the first date in the text' : 'not known',
  };
}
