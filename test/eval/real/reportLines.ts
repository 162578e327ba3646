/** What the real-corpus reports share: inputs the engine threw on, and the example lists they print. */

/** An input the engine threw on. */
export interface LintFailure {
  name: string;
  length: number;
  /** The first 80 characters of the input. */
  head: string;
  error: string;
}

/** The failure record for `text`, named `name`, on which lint threw `error` (first three stack lines). */
export function lintFailure(name: string, text: string, error: unknown): LintFailure {
  return {
    name,
    length: text.length,
    head: text.slice(0, 80),
    error: String((error as Error)?.stack ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' | '),
  };
}

/** Prints the failures, if any, counted in `unit`s ("sentence", "article"). */
export function printLintFailures(failures: readonly LintFailure[], unit: string): void {
  if (failures.length === 0) return;
  console.log(`lint threw on ${failures.length} ${unit}(s):`);
  for (const f of failures) console.log(`  ${f.name} (${f.length} chars) "${f.head.replace(/\s+/g, ' ')}": ${f.error}`);
}

/** Prints `heading:` and the lines under it, indented; nothing when there are none. */
export function printExamples(heading: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  console.log(`${heading}:`);
  for (const line of lines) console.log('  ' + line);
}
