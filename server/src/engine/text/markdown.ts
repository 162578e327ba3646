import { parse, postprocess, preprocess } from 'micromark';
import { gfm } from 'micromark-extension-gfm';
import type { Event } from 'micromark-util-types';
import type { MaskedChunk, ProseBlock, BlockKind, RawComment } from './prose';
import { blankOut, maskOutside } from './prose';
import { isPlainParagraph, maskSimpleChunk, plainParagraph, trimmedSpan } from './simpleMarkdown';

export { isPlainParagraph } from './simpleMarkdown';

/**
 * micromark parsers, built once: combining the GFM extensions costs more than parsing a paragraph, so it is
 * not redone per chunk; only their per-document state is reset between uses. Chunks never hold front matter
 * (the splitter sets it apart), and a chunk without any character GFM syntax starts with is parsed by the
 * CommonMark parser, which gives the same events twice as fast.
 */
const gfmParser = parse({ extensions: [gfm()] });
const commonMarkParser = parse();

/** Characters that can start GFM syntax: tables, strikethrough, autolink literals, footnotes, task lists. */
const GFM_TRIGGER = /[|~@]|www\.|:\/\/|\[\^|\[[ xX]\]/;

function markdownEvents(chunk: string): Event[] {
  const parser = GFM_TRIGGER.test(chunk) ? gfmParser : commonMarkParser;
  parser.defined = [];
  parser.lazy = {};
  return postprocess(parser.document().write(preprocess()(chunk, undefined, true)));
}

/** A chunk's analysis moved one code unit right, behind the byte-order mark micromark would drop. */
function afterByteOrderMark(inner: MaskedChunk, mark: string): MaskedChunk {
  return {
    masked: mark + inner.masked,
    blocks: inner.blocks.map((b) => ({ ...b, start: b.start + 1, end: b.end + 1 })),
    comments: inner.comments.map((c) => ({ ...c, start: c.start + 1, end: c.end + 1, bodyStart: c.bodyStart + 1 })),
  };
}

/** Nesting or bracket runs this long make micromark slow or recursive enough to block: not prose anyway. */
const PATHOLOGICAL = /(?:[>[\]*_`+-][ \t]?){400}/;

function unparsable(chunk: string): MaskedChunk {
  return { masked: blankOut(chunk), blocks: [], comments: [] };
}

/** Tokens whose text is never prose: code, HTML, URLs, link targets, images, definitions, footnote calls (Markdown syntax, so in code). */
const NOT_PROSE = new Set([
  'codeText',
  'codeFenced',
  'codeIndented',
  'htmlText',
  'htmlFlow',
  'autolink',
  'literalAutolink',
  'image',
  'definition',
  'resource',
  'reference',
  'gfmFootnoteCall',
  'gfmFootnoteDefinitionLabel',
  'taskListCheck',
]);

/** Tokens kept as prose text (when not inside a NOT_PROSE token). */
const PROSE_TEXT = new Set(['data', 'characterEscape', 'characterReference']);

const BLOCK_KINDS: Record<string, BlockKind> = {
  paragraph: 'paragraph',
  atxHeadingText: 'heading',
  setextHeadingText: 'heading',
  tableData: 'cell',
  tableHeader: 'cell',
};

/**
 * The comments of an HTML block or inline HTML starting with `<!--` at `start`: each ends at its own
 * `-->` (a line may hold a directive and a note: `<!-- claimlint-disable x --> <!-- why -->`), the last
 * runs to `end` when it is not closed.
 */
function htmlComments(chunk: string, start: number, end: number): RawComment[] {
  const found: RawComment[] = [];
  for (let open = start; open >= 0 && open < end; open = chunk.indexOf('<!--', open)) {
    const close = chunk.indexOf('-->', open + 4);
    const bodyEnd = close >= 0 && close < end ? close : end;
    const commentEnd = bodyEnd === close ? close + 3 : end;
    found.push({ start: open, end: commentEnd, body: chunk.slice(open + 4, bodyEnd), bodyStart: open + 4 });
    open = commentEnd;
  }
  return found;
}

/**
 * Masks one Markdown chunk: prose (text inside paragraphs, headings, table cells, list items, block quotes
 * and link text) is kept; code, HTML, front matter, URLs, link targets and markup characters become spaces.
 * Line breaks are kept so the masked text has the same length and lines as the original.
 */
export function maskMarkdown(chunk: string): MaskedChunk {
  if (chunk.charCodeAt(0) === 0xfeff) return afterByteOrderMark(maskMarkdown(chunk.slice(1)), chunk[0]);
  if (isPlainParagraph(chunk)) return plainParagraph(chunk);
  const simple = maskSimpleChunk(chunk);
  if (simple) return simple;
  if (PATHOLOGICAL.test(chunk)) return unparsable(chunk);
  let events: Event[];
  try {
    events = markdownEvents(chunk);
  } catch {
    return unparsable(chunk);
  }
  const kept: [number, number][] = [];
  const blocks: ProseBlock[] = [];
  const comments: RawComment[] = [];
  let masking = 0;
  let insideProseText = 0;
  let quoteDepth = 0;
  for (const [kind, token] of events) {
    const type = token.type as string;
    const enter = kind === 'enter';
    if (NOT_PROSE.has(type)) {
      if (enter && masking === 0 && (type === 'htmlFlow' || type === 'htmlText')) {
        const start = token.start.offset;
        const end = token.end.offset;
        if (chunk.startsWith('<!--', start)) for (const comment of htmlComments(chunk, start, end)) comments.push(comment);
      }
      masking += enter ? 1 : -1;
      continue;
    }
    if (type === 'blockQuote') {
      quoteDepth += enter ? 1 : -1;
      continue;
    }
    if (masking > 0) continue;
    if (PROSE_TEXT.has(type)) {
      // escapes and references are kept whole, like the text around them; their parts are not seen twice
      if (enter && insideProseText === 0) kept.push([token.start.offset, token.end.offset]);
      insideProseText += enter ? 1 : -1;
      continue;
    }
    const blockKind = BLOCK_KINDS[type];
    if (blockKind && enter) {
      const span = trimmedSpan(chunk, token.start.offset, token.end.offset);
      if (span.end > span.start) blocks.push({ ...span, kind: blockKind, quoted: quoteDepth > 0 });
    }
  }
  return { masked: maskOutside(chunk, kept), blocks, comments };
}
