import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';
import type { MaskedChunk, ProseBlock, BlockKind, RawComment } from './prose';
import { blankOut, maskOutside } from './prose';

const MICROMARK_EXTENSIONS = [gfm(), frontmatter()];
const MDAST_EXTENSIONS = [gfmFromMarkdown(), frontmatterFromMarkdown()];

/**
 * Characters and line openings that can make Markdown differ from a single plain paragraph. A chunk with
 * none of them parses to exactly one paragraph whose text is the chunk itself, so micromark is skipped
 * (a property test checks this equivalence).
 */
const MARKUP_CHARACTER = /[`<>[\]\\|*_~#@]|:\/\/|www\./;
const BLOCK_OPENING = /(?:^|[\n\r])(?: {0,3}(?:[-+=:]|\d{1,9}[.)])|[ \t]*(?:[\n\r]|$))/;
const INDENTED_START = /^(?: {4}|\t)/;

/** True when `chunk` is certainly one plain paragraph with no markup. */
export function isPlainParagraph(chunk: string): boolean {
  return !MARKUP_CHARACTER.test(chunk) && !BLOCK_OPENING.test(chunk) && !INDENTED_START.test(chunk);
}

/** `span` without white space at its edges (the same trimming on both parsing paths). */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end };
}

function plainParagraph(chunk: string): MaskedChunk {
  const { start, end } = trimmed(chunk, 0, chunk.length);
  return { masked: chunk, blocks: end > start ? [{ start, end, kind: 'paragraph', quoted: false }] : [], comments: [] };
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

function isAutolink(node: Nodes & { type: 'link' }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const label = node.children[0].value;
  return node.url === label || node.url === `http://${label}` || node.url === `mailto:${label}`;
}

/** Nodes whose text is never prose. */
const NOT_PROSE = new Set<Nodes['type']>(['code', 'inlineCode', 'yaml', 'definition', 'image', 'imageReference', 'footnoteReference']);

const BLOCK_KINDS: Partial<Record<Nodes['type'], BlockKind>> = {
  paragraph: 'paragraph',
  heading: 'heading',
  tableCell: 'cell',
};

/**
 * Masks one Markdown chunk: prose (text inside paragraphs, headings, table cells, list items, block quotes
 * and link text) is kept; code, HTML, front matter, URLs, link targets and markup characters become spaces.
 * Line breaks are kept so the masked text has the same length and lines as the original.
 */
export function maskMarkdown(chunk: string): MaskedChunk {
  if (chunk.charCodeAt(0) === 0xfeff) return afterByteOrderMark(maskMarkdown(chunk.slice(1)), chunk[0]);
  if (isPlainParagraph(chunk)) return plainParagraph(chunk);
  if (PATHOLOGICAL.test(chunk)) return unparsable(chunk);
  let tree: Nodes;
  try {
    tree = fromMarkdown(chunk, { extensions: MICROMARK_EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS });
  } catch {
    return unparsable(chunk);
  }
  const kept: [number, number][] = [];
  const blocks: ProseBlock[] = [];
  const comments: RawComment[] = [];
  // iterative, so deep nesting cannot overflow the stack
  const stack: { node: Nodes; quoted: boolean }[] = [{ node: tree, quoted: false }];
  while (stack.length > 0) {
    const { node, quoted } = stack.pop() as { node: Nodes; quoted: boolean };
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    if (node.type === 'text') {
      kept.push([start, end]);
      continue;
    }
    if (node.type === 'html') {
      if (node.value.startsWith('<!--')) comments.push({ start, end, body: node.value.slice(4).replace(/-->\s*$/, ''), bodyStart: start + 4 });
      continue;
    }
    if (NOT_PROSE.has(node.type) || (node.type === 'link' && isAutolink(node))) continue;
    const kind = BLOCK_KINDS[node.type];
    if (kind) {
      const span = trimmed(chunk, start, end);
      if (span.end > span.start) blocks.push({ ...span, kind, quoted });
    }
    if ('children' in node) {
      const insideQuote = quoted || node.type === 'blockquote';
      const children = (node as Parents).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], quoted: insideQuote });
    }
  }
  blocks.sort((a, b) => a.start - b.start);
  comments.sort((a, b) => a.start - b.start);
  return { masked: maskOutside(chunk, kept), blocks, comments };
}
