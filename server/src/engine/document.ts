import type { DocumentFormat } from './types';
import type { Block, Sentence } from './analysis/blockAnalysis';
import { analyseBlock } from './analysis/blockAnalysis';
import type { Knowledge } from './knowledge/knowledge';
import type { Chunk } from './text/chunks';
import { splitMarkdownChunks, splitPlainChunks } from './text/chunks';
import { maskMarkdown } from './text/markdown';
import { maskPlainText } from './text/plaintext';
import type { RawComment } from './text/prose';
import { findQuotations } from './text/quotes';
import { tagTokens } from './text/tagger';
import { tokenize } from './text/tokens';
import type { Span } from './types';

export type { Block, Sentence, SentenceAnalysis } from './analysis/blockAnalysis';

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

/** A block's tokens, tagged, cut into the tagger's sentences (every token in exactly one sentence). */
export function tagSentences(masked: string, block: Span): Sentence[] {
  const tokens = tokenize(masked, block.start, block.end);
  const { sentenceStarts } = tagTokens(tokens);
  return sentenceStarts.map((first, i): Sentence => {
    const last = (sentenceStarts[i + 1] ?? tokens.length) - 1;
    return { start: tokens[first].start, end: tokens[last].end, tokens: tokens.slice(first, last + 1) };
  });
}

/**
 * Analyses one chunk's text: prose mask, blocks, and for each block its tagged sentences, quotations and the
 * sentence analysis every rule reads (entities, attribution frames, claims).
 */
export function analyseChunk(chunkText: string, format: DocumentFormat, knowledge: Knowledge): AnalysedChunk {
  const { masked, blocks, comments } = format === 'markdown' ? maskMarkdown(chunkText) : maskPlainText(chunkText);
  return {
    text: masked,
    comments,
    blocks: blocks.map((block) => analyseBlock(masked, block, tagSentences(masked, block), findQuotations(masked, block), knowledge)),
  };
}
