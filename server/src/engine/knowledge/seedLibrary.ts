import type { SourceRef, Span } from '../types';
import type { DataProblem } from '../types';
import { parseDataFile } from './dataFile';
import type { DataFileText } from '../types';
import metadataSchema from '../../../../seeds/schema/metadata.schema.json';

/** Metadata of one seed article (see seeds/metadata.yaml). */
export interface ArticleMetadata {
  file: string;
  title: string;
  titleBasis: string;
  outlet: string;
  outletBasis: string;
  date: string;
  dateBasis: string;
}

/** A source document read as an article: its key is its absolute path. */
export interface LibraryDocument {
  file: string;
  text: string;
  metadata: Omit<ArticleMetadata, 'file'>;
}

/**
 * The seed articles and their metadata, for provenance lookups, and the reporter's source documents (keyed
 * by absolute path, with `path` set).
 */
export interface SeedLibrary {
  articles: Map<string, ArticleMetadata & { text: string; path?: string }>;
  /** A provenance record for `passage` in `seed`, or undefined when the passage is not verbatim in it. */
  sourceRef(seed: string, passage: string, attribution?: string): SourceRef | undefined;
  /** The sentence-like stretch of a seed around `span` (for usage examples). */
  passageAround(seed: string, span: Span): string;
}

/**
 * True when the character at `i` ends a sentence of a seed: a line break, or ".", "!" or "?" before white space,
 * a closing quote or the end — but not the full stop of initials ("U.S.-led", "the U.N. envoy"), which would
 * cut a usage passage in the middle of a name. (A usage excerpt only; the sentence analysis proper uses the
 * tagger.)
 */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '\n') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && !/[\s\u201D"')\]]/.test(next)) return false;
  return ch !== '.' || !/(?:^|[^\p{L}])(?:\p{Lu}\.)*\p{Lu}$/u.test(text.slice(Math.max(0, i - 12), i));
}

/** Builds the seed library from `metadata.yaml` and the seed texts, then the source documents. */
export function buildSeedLibrary(
  metadata: DataFileText,
  seeds: DataFileText[],
  documents: readonly LibraryDocument[] = [],
): { library: SeedLibrary; problems: DataProblem[] } {
  const parsed = parseDataFile<{ articles: ArticleMetadata[] }>(metadata.file, metadata.text, metadataSchema);
  const problems = [...parsed.problems];
  const texts = new Map(seeds.map((s) => [s.file.replace(/^.*[\\/]/, ''), s.text]));
  const articles: SeedLibrary['articles'] = new Map();
  (parsed.value?.articles ?? []).forEach((article, index) => {
    const text = texts.get(article.file);
    if (text === undefined) {
      problems.push(parsed.problemAt(['articles', index, 'file'], `seed file "${article.file}" is missing`));
      return;
    }
    articles.set(article.file, { ...article, text });
  });
  for (const document of documents)
    articles.set(document.file, { ...document.metadata, file: document.file, text: document.text, path: document.file });
  const library: SeedLibrary = {
    articles,
    sourceRef(seed, passage, attribution) {
      const article = articles.get(seed);
      if (!article) return undefined;
      const offset = article.text.indexOf(passage);
      if (offset < 0) return undefined;
      return {
        seed,
        title: article.title,
        outlet: article.outlet,
        date: article.date,
        dateBasis: article.dateBasis,
        passage,
        offset,
        ...(attribution ? { attribution } : {}),
        ...(article.path ? { file: article.path } : {}),
      };
    },
    passageAround(seed, span) {
      const text = articles.get(seed)?.text ?? '';
      let start = span.start;
      while (start > 0 && !endsSentence(text, start - 1)) start--;
      let end = span.end;
      while (end < text.length && !endsSentence(text, end)) end++;
      if (end < text.length && text[end] !== '\n') end++;
      while (end < text.length && /[\u201D"']/.test(text[end])) end++;
      return text.slice(start, end).trim();
    },
  };
  return { library, problems };
}
