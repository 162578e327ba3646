import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, ROOT } from '../helpers/knowledge';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'markdown', 'constructs.md');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'golden', 'constructs.md.ranges');

/** `line:character-line:character severity rule "words"`, one loaded-term finding per line (LSP positions). */
function ranges(text: string): string {
  const document = TextDocument.create('file:///constructs.md', 'markdown', 1, text);
  return (
    lint(text)
      .findings.filter((f) => f.rule === 'loaded.term')
      .map((f) => {
        const s = document.positionAt(f.start);
        const e = document.positionAt(f.end);
        return `${s.line}:${s.character}-${e.line}:${e.character} ${f.severity} "${text.slice(f.start, f.end)}"`;
      })
      .join('\n') + '\n'
  );
}

describe('Markdown-aware linting', () => {
  const text = fs.readFileSync(FIXTURE, 'utf8');

  it('lints prose (headings, link text, lists, tables, block quotes as hints) and nothing else, at exact positions', () => {
    const actual = ranges(text);
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(GOLDEN)) fs.writeFileSync(GOLDEN, actual);
    assert.equal(actual, fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('keeps positions exact with CRLF line endings', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const lf = ranges(text)
      .trim()
      .split('\n')
      .map((l) => l.split(' ').slice(1).join(' '));
    const cr = ranges(crlf)
      .trim()
      .split('\n')
      .map((l) => l.split(' ').slice(1).join(' '));
    assert.deepEqual(cr, lf);
    for (const finding of lint(crlf).findings) assert.match(crlf.slice(finding.start, finding.end), /^[\p{L}'\u2019 -]+$/u);
  });
});
