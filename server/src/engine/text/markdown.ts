import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';
import type { MaskedChunk, ProseBlock, BlockKind, RawComment } from './prose';
import { maskOutside } from './prose';

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

function plainParagraph(chunk: string): MaskedChunk {
  let end = chunk.length;
  while (end > 0 && /\s/.test(chunk[end - 1])) end--;
  let start = 0;
  while (start < end && /\s/.test(chunk[start])) start++;
  return { masked: chunk, blocks: end > start ? [{ start, end, kind: 'paragraph', quoted: false }] : [], comments: [] };
}

function isAutolink(node: Nodes & { type: 'link' }): boolean {
  if (node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const label = node.children[0].value;
  return node.url === label || node.url === `http://${label}` || node.url === `mailto:${label}`;
}

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
  if (isPlainParagraph(chunk)) return plainParagraph(chunk);
  const tree = fromMarkdown(chunk, { extensions: MICROMARK_EXTENSIONS, mdastExtensions: MDAST_EXTENSIONS });
  const kept: [number, number][] = [];
  const blocks: ProseBlock[] = [];
  const comments: RawComment[] = [];

  const visit = (node: Nodes, quoted: boolean): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'text':
        kept.push([start, end]);
        return;
      case 'html':
        if (node.value.startsWith('<!--')) {
          comments.push({ start, end, body: node.value.slice(4).replace(/-->\s*$/, ''), bodyStart: start + 4 });
        }
        return;
      case 'code':
      case 'inlineCode':
      case 'yaml':
      case 'definition':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      case 'link':
        if (isAutolink(node)) return;
        break;
      default:
        break;
    }
    const kind = BLOCK_KINDS[node.type];
    if (kind) blocks.push({ start, end, kind, quoted });
    if ('children' in node) {
      const insideQuote = quoted || node.type === 'blockquote';
      for (const child of (node as Parents).children) visit(child, insideQuote);
    }
  };
  visit(tree, false);
  return { masked: maskOutside(chunk, kept), blocks, comments };
}
