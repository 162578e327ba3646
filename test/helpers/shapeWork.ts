/**
 * The work (see `workMeter`) the engine does linting hostile shapes of text at growing sizes, measured in a
 * child process so block coverage sees every engine function compiled afresh.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { DocumentFormat } from '../../server/src/engine/types';
import type { Work } from './workMeter';

/**
 * A draft made of `unit` repeated; `{i}` in the unit stands for the repetition's number, so that paragraphs
 * differ (a lint analyses identical paragraphs once).
 */
export interface Shape {
  name: string;
  unit: string;
  format: DocumentFormat;
}

/** The draft of `shape` with `repeats` units. */
export function shapeText(shape: Shape, repeats: number): string {
  if (!shape.unit.includes('{i}')) return shape.unit.repeat(repeats);
  const parts: string[] = [];
  for (let i = 0; i < repeats; i++) parts.push(shape.unit.replaceAll('{i}', String(i)));
  return parts.join('');
}

/** Per shape, the work of linting it at each size (in units). */
export type ShapeWork = Record<string, Work[]>;

/** A shape to measure at each of `bytes` (characters, rounded to whole units). */
export interface Measurement {
  shape: Shape;
  bytes: number[];
}

/**
 * Lints each shape at each of its sizes and returns the work of each lint, by shape name. Throws with the
 * child's output when it fails.
 */
export function measureShapes(measurements: Measurement[]): ShapeWork {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'shapeWorkMain.ts')], {
    cwd: path.resolve(__dirname, '..', '..'),
    input: JSON.stringify(measurements),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`shape work failed (${child.status ?? child.signal}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as ShapeWork;
}
