/**
 * Child process of `measureShapes`: reads the measurements as JSON on stdin and prints the work of linting
 * each shape at each size as JSON. The meter starts before the engine is loaded (see `workMeter`).
 */
import * as fs from 'node:fs';
import { measureWork, startWorkMeter } from './workMeter';
import type { Measurement, ShapeWork } from './shapeWork';
import { shapeText } from './shapeWork';

startWorkMeter();
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- loaded after the meter starts, on purpose
const { lint } = require('./knowledge') as typeof import('./knowledge');

const measurements = JSON.parse(fs.readFileSync(0, 'utf8')) as Measurement[];
const result: ShapeWork = {};
for (const { shape, bytes } of measurements) {
  const repeats = bytes.map((size) => Math.max(1, Math.round(size / shape.unit.length)));
  // the first lint fills caches and loads what is loaded lazily; it is not measured
  lint(shapeText(shape, repeats[0]), { format: shape.format });
  result[shape.name] = repeats.map((n) => {
    const text = shapeText(shape, n);
    return measureWork(() => void lint(text, { format: shape.format }).findings.length);
  });
}
process.stdout.write(JSON.stringify(result));
