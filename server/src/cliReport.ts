import type { Severity } from './engine';
import { RULES } from './engine';
import type { FileResult, ReportedFinding } from './workspace/fileLinter';

/** Output formats of the CLI. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** `file:line:column: severity rule: message`, 1-based like compilers, one finding per line. */
export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      lines.push(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule}: ${f.message}`);
    }
  }
  const all = results.flatMap((r) => r.findings);
  const count = (s: Severity) => all.filter((f) => f.severity === s).length;
  lines.push(
    `${all.length} finding(s) in ${results.length} file(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('information')} information, ${count('hint')} hint(s)`,
  );
  return lines.join('\n') + '\n';
}

/** One JSON array of findings, exactly the design's contract. */
export function formatJson(results: readonly FileResult[]): string {
  const findings: ReportedFinding[] = results.flatMap((r) => r.findings);
  return (
    JSON.stringify(
      findings.map(({ file, rule, severity, message, range }) => ({ file, rule, severity, message, range })),
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rule catalogue as `tool.driver.rules`,
 * 1-based regions in UTF-16 code units, paths relative to the source root.
 */
export function formatSarif(results: readonly FileResult[], version: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ClaimLint',
            version,
            informationUri: 'https://github.com/claimlint/claimlint',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|[.-])(\w)/g, (_match: string, _dot: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              defaultConfiguration: { level: SARIF_LEVELS[r.defaultSeverity] },
              properties: { tags: [r.family] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule) ?? 0,
            level: SARIF_LEVELS[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file.split('\\').join('/').replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
