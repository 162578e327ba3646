import type { Span } from './types';
import type { Chunk } from './text/chunks';
import { splitMarkdownChunks, splitPlainChunks } from './text/chunks';
import { maskMarkdown } from './text/markdown';
import { maskPlainText } from './text/plaintext';
import type { BlockKind, RawComment } from './text/prose';
import type { Quotation } from './text/quotes';
import { findQuotations } from './text/quotes';
import { splitSentences } from './text/sentences';
import type { Token } from './text/tokens';
import { tokenize } from './text/tokens';

/** The formats ClaimLint reads: Markdown is parsed, plain text is read whole. */
export type DocumentFormat = 'markdown' | 'plaintext';

/** A sentence with its tokens (punctuation included). */
export interface Sentence extends Span {
  tokens: Token[];
}

/** A block of prose with its sentences and direct quotations. */
export interface Block extends Span {
  kind: BlockKind;
  quoted: boolean;
  sentences: Sentence[];
  quotes: Quotation[];
}

/**
 * One chunk of a document, analysed on its own. All offsets are relative to the chunk's start, so an
 * analysis can be reused wherever the same chunk text appears.
 */
export interface AnalysedChunk {
  /** The chunk's prose: the original text with non-prose characters replaced by spaces (same length). */
  text: string;
  blocks: Block[];
  comments: RawComment[];
}

/** Splits a document into independently analysable chunks. */
export function splitChunks(text: string, format: DocumentFormat): Chunk[] {
  return format === 'markdown' ? splitMarkdownChunks(text) : splitPlainChunks(text);
}

/** Analyses one chunk's text: prose mask, blocks, sentences, tokens and quotations. */
export function analyseChunk(chunkText: string, format: DocumentFormat): AnalysedChunk {
  const { masked, blocks, comments } = format === 'markdown' ? maskMarkdown(chunkText) : maskPlainText(chunkText);
  return {
    text: masked,
    comments,
    blocks: blocks.map((block) => {
      const tokens = tokenize(masked, block.start, block.end);
      let cursor = 0;
      const sentences = splitSentences(masked, block).map((span): Sentence => {
        while (cursor < tokens.length && tokens[cursor].start < span.start) cursor++;
        const first = cursor;
        while (cursor < tokens.length && tokens[cursor].end <= span.end) cursor++;
        return { ...span, tokens: tokens.slice(first, cursor) };
      });
      return { ...block, sentences, quotes: findQuotations(masked, block) };
    }),
  };
}
