import type { DocumentFormat } from '../types';
import { contentHash } from '../hash';
import type { Knowledge, ReadSource } from '../knowledge/knowledge';
import { readDocumentMetadata } from './documentMetadata';
import { extractFacts } from './extract';

/** The format a source document is read in, by its extension: Markdown for `.md`/`.markdown`, else plain text. */
export function sourceFormat(file: string): DocumentFormat {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/**
 * Reads one source document under `base` (the knowledge without sources: its entities name the people and
 * places the document mentions): its title, outlet and date, and the facts extraction finds. Pure.
 */
export function readSource(file: string, text: string, base: Knowledge): ReadSource {
  const name = file.replace(/^.*[\\/]/, '');
  const metadata = readDocumentMetadata(name, text);
  const extracted = extractFacts({ key: file, text, format: sourceFormat(file), date: metadata.date }, base);
  return { document: { file, text, metadata }, extracted, hash: contentHash(text) };
}
