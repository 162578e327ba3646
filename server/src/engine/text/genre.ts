/**
 * What kind of document a draft is, read from its Markdown shape: news copy, or technical documentation (a
 * README, a changelog, notes). Software documentation says what code "will" do, what is "faster than" what,
 * and "because" of what, in every paragraph; none of it is a claim a reporter must source.
 *
 * A heuristic in code rather than data, because it reads Markdown syntax, not words.
 */
import type { DocumentFormat } from '../types';

export type Genre = 'news' | 'technical';

/** A fenced code block: three backticks or tildes opening a line. */
const FENCE = /^[ \t]{0,3}(```|~~~)/m;
/** A changelog's release heading: "## 1.2.0", "## [v2.0.1] - 2024-05-01". */
const RELEASE_HEADING = /^#{1,6}[ \t]+\[?v?\d+\.\d+/m;
/** An inline code span on one line. */
const INLINE_CODE = /`[^`\n]+`/g;
/** Inline code spans that make a document technical without a fence or a release heading. */
const INLINE_CODE_SPANS = 3;

/**
 * `technical` for Markdown with a fenced code block, a release heading or three inline code spans: news copy
 * has none of them. Plain text is always `news`. Linear in the length of `text`.
 */
export function documentGenre(text: string, format: DocumentFormat): Genre {
  if (format !== 'markdown') return 'news';
  if (FENCE.test(text) || RELEASE_HEADING.test(text)) return 'technical';
  INLINE_CODE.lastIndex = 0;
  for (let spans = 0; INLINE_CODE.exec(text);) if (++spans >= INLINE_CODE_SPANS) return 'technical';
  return 'news';
}
