/**
 * What a glob of `include` / `exclude` may look like. Pure syntax checks on the pattern text (no paths, no
 * file system); the matching itself is done by the workspace layer (`server/src/workspace/fileFilter.ts`).
 *
 * Glob dialect (minimatch with `dot: true`, no extglobs, no negation, no comments): `*` any characters but
 * `/`, `**` any folders, `?` one character, `[abc]` one of, `{a,b}` alternatives, `\` escapes the next
 * character.
 */

/**
 * Most `*` wildcards in one folder or file name of a glob. The matcher compiles globs to regular
 * expressions, and each `*` more multiplies the worst-case time of matching a long name by its length
 * (against a name of 255 `x`: `*x*y` 0.1 ms, `*x*x*y` 14 ms, `*x*x*x*y` over 10 s).
 */
export const MAX_STARS_PER_NAME = 2;

/** Most patterns one glob may expand to through `{…}` alternatives and ranges. */
export const MAX_BRACE_ALTERNATIVES = 64;

/**
 * Most patterns one `include` or `exclude` list may expand to in all: matching a file tries each against
 * the file and its folders (at the limit, about 60 ms for a file 10 folders deep with 255-character names).
 */
export const MAX_PATTERNS_PER_LIST = 256;

/** Size of a brace range such as `1..12` or `a..f`, or undefined when `body` is not one. */
function rangeSize(body: string): number | undefined {
  const match = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.-?\d+)?$/.exec(body);
  if (!match) return undefined;
  const value = (end: string): number => (/^-?\d+$/.test(end) ? Number(end) : end.charCodeAt(0));
  return Math.abs(value(match[2]) - value(match[1])) + 1;
}

/**
 * Why `glob` cannot be used as an `include` / `exclude` pattern, in plain words, or undefined when it can.
 * Malformed brackets and braces, absolute paths, `..`, `!` negation, backslashes between folders and
 * patterns too costly to match are refused.
 */
export function globProblem(glob: string): string | undefined {
  return scanGlob(glob).problem;
}

/** How many patterns `glob` expands to through `{…}` (an upper bound); 0 for a glob with a problem. */
export function globPatterns(glob: string): number {
  const { problem, alternatives } = scanGlob(glob);
  return problem ? 0 : alternatives;
}

/** Why a list of usable globs is too costly to match, or undefined when it is not. */
export function globListProblem(globs: readonly string[]): string | undefined {
  const total = globs.reduce((sum, glob) => sum + globPatterns(glob), 0);
  return total > MAX_PATTERNS_PER_LIST
    ? `its globs expand to ${total} patterns, more than the ${MAX_PATTERNS_PER_LIST} matched for each file`
    : undefined;
}

function scanGlob(glob: string): { problem?: string; alternatives: number } {
  const refuse = (problem: string): { problem: string; alternatives: number } => ({ problem, alternatives: 0 });
  if (glob.trim() === '') return refuse('is empty');
  if (glob.startsWith('!'))
    return refuse('starts with "!": patterns cannot be negated; list what to leave out in exclude, or what to lint in include');
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(glob))
    return refuse('is an absolute path; patterns are relative to the folder of the file or workspace that sets them');
  if (/(^|\/)\.\.(\/|$)/.test(glob)) return refuse('goes up with ".."; patterns only match files inside the folder that sets them');
  if (/\\[A-Za-z0-9_-]/.test(glob)) return refuse('has "\\" between names; write "/" between folders ("\\" escapes the next character)');
  let alternatives = 1;
  const braces: { start: number; count: number }[] = [];
  let stars = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
    } else if (c === '/') {
      stars = 0;
    } else if (c === '*') {
      const run = /^\*+/.exec(glob.slice(i))?.[0].length ?? 1;
      const wholeName = (i === 0 || glob[i - 1] === '/') && (i + run === glob.length || glob[i + run] === '/');
      if (!(wholeName && run === 2) && ++stars > MAX_STARS_PER_NAME) {
        return refuse(`has more than ${MAX_STARS_PER_NAME} "*" in one name; such a pattern can take very long to match`);
      }
      i += run - 1;
    } else if (c === '[') {
      // a class ends at the first "]" after its first character (a leading "]", "!]" or "^]" is literal)
      let j = i + 1;
      if (glob[j] === '!' || glob[j] === '^') j++;
      if (glob[j] === ']') j++;
      while (j < glob.length && glob[j] !== ']' && glob[j] !== '/') j += glob[j] === '\\' ? 2 : 1;
      if (glob[j] !== ']') return refuse('has a "[" without a closing "]" (write "\\[" for the character itself)');
      i = j;
    } else if (c === '{') {
      braces.push({ start: i, count: 1 });
    } else if (c === ',' && braces.length > 0) {
      braces[braces.length - 1].count++;
    } else if (c === '}') {
      const group = braces.pop();
      if (!group) return refuse('has a "}" without an opening "{" (write "\\}" for the character itself)');
      alternatives *= rangeSize(glob.slice(group.start + 1, i)) ?? group.count;
      if (alternatives > MAX_BRACE_ALTERNATIVES) return refuse(`expands to more than ${MAX_BRACE_ALTERNATIVES} patterns through "{…}"`);
    }
  }
  if (braces.length > 0) return refuse('has a "{" without a closing "}" (write "\\{" for the character itself)');
  return { alternatives };
}
