// What the editor should show, from the same engine and data the installed extension ships: its own
// CLI (dist/cli.js inside the installed .vsix) over the workspace drafts, and its seeds' metadata.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const FAMILIES = ['fact', 'attribution', 'loaded'];

/** Findings per workspace file (`--format json` of the installed extension's CLI). */
export function expectedFindings(extensionDir, workspace, files) {
  const cli = path.join(extensionDir, 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--format', 'json', ...files], { cwd: workspace, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`claimlint CLI failed (exit ${result.status}): ${result.stderr.trim()}`);
  const byFile = Object.fromEntries(files.map((f) => [f, []]));
  for (const finding of JSON.parse(result.stdout)) (byFile[finding.file] ??= []).push(finding);
  return byFile;
}

/** The counts part of the status bar text for these findings, as the client formats it. */
export function statusSummary(findings) {
  const counts = Object.fromEntries(FAMILIES.map((f) => [f, 0]));
  for (const finding of findings) {
    const family = finding.rule.split('.')[0];
    if (finding.severity !== 'hint' && family in counts) counts[family] += 1;
  }
  return FAMILIES.map((f) => `${f} ${counts[f]}`).join(' · ');
}

/** Title, outlet and verbatim passage of the fact whose source passage contains `needle`, from the installed seeds. */
export function factSource(extensionDir, repo, needle) {
  const require = createRequire(path.join(repo, 'package.json'));
  const YAML = require('yaml');
  const seeds = path.join(extensionDir, 'seeds');
  const factsDir = path.join(seeds, 'facts');
  const files = fs.existsSync(factsDir) ? fs.readdirSync(factsDir).filter((f) => /\.ya?ml$/.test(f)) : [];
  for (const file of files) {
    const data = YAML.parse(fs.readFileSync(path.join(factsDir, file), 'utf8'));
    for (const fact of data?.facts ?? []) {
      const passage = fact?.source?.passage;
      if (typeof passage !== 'string' || !passage.includes(needle)) continue;
      const metadata = YAML.parse(fs.readFileSync(path.join(seeds, 'metadata.yaml'), 'utf8'));
      const article = (metadata?.articles ?? []).find((a) => a.file === fact.source.seed);
      if (!article) throw new Error(`seeds/metadata.yaml has no article ${fact.source.seed}`);
      return {
        factId: fact.id,
        statement: fact.statement,
        title: article.title,
        outlet: article.outlet,
        date: String(article.date ?? ''),
        passage,
      };
    }
  }
  throw new Error(`no fact in the installed seeds/facts has a source passage containing "${needle}"`);
}
