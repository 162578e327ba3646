/**
 * Lengths of the common prefix and (not overlapping it) common suffix of two texts: what an edit left
 * alone on either side.
 */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  const block = 4096;
  let prefix = 0;
  // whole blocks first (a native comparison), then code unit by code unit
  while (prefix + block <= max && a.slice(prefix, prefix + block) === b.slice(prefix, prefix + block)) prefix += block;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (
    suffix + block <= room &&
    a.slice(a.length - suffix - block, a.length - suffix) === b.slice(b.length - suffix - block, b.length - suffix)
  )
    suffix += block;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
