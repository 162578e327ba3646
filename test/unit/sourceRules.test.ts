import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ROOT } from '../helpers/knowledge';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `f(...xs)` and `new F(...xs)`: every element becomes an argument on the stack, which overflows past ~120,000. */
function spreadArguments(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${path.relative(ROOT, file)}:${line + 1}: ${node.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('source rules', () => {
  it('spreads no array into the arguments of a call (push(...xs), Math.min(...xs)) in the server or client', () => {
    const files = [...sourceFiles(path.join(ROOT, 'server', 'src')), ...sourceFiles(path.join(ROOT, 'client', 'src'))];
    assert.ok(files.length > 50);
    assert.deepEqual(files.flatMap(spreadArguments), []);
  });
});
