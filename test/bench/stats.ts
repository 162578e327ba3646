/** Small helpers shared by the benchmark modules: a seeded random source, timing and summaries. */

/** A deterministic pseudo-random source (mulberry32), so every run generates the same drafts. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function now(): number {
  return performance.now();
}

/**
 * Times `fn` `runs` times after `warmup` untimed runs and returns every sample (ms). Stops early once
 * `budgetMs` is spent (at least `minRuns` samples are always taken).
 */
export function timeRuns(fn: () => unknown, options: { runs: number; warmup?: number; budgetMs?: number; minRuns?: number }): number[] {
  for (let i = 0; i < (options.warmup ?? 1); i++) fn();
  const samples: number[] = [];
  const started = now();
  for (let i = 0; i < options.runs; i++) {
    const t = now();
    fn();
    samples.push(now() - t);
    if (options.budgetMs !== undefined && samples.length >= (options.minRuns ?? 3) && now() - started > options.budgetMs) break;
  }
  return samples;
}

/** Like `timeRuns` for async work. */
export async function timeRunsAsync(
  fn: () => Promise<unknown>,
  options: { runs: number; warmup?: number; budgetMs?: number; minRuns?: number },
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 1); i++) await fn();
  const samples: number[] = [];
  const started = now();
  for (let i = 0; i < options.runs; i++) {
    const t = now();
    await fn();
    samples.push(now() - t);
    if (options.budgetMs !== undefined && samples.length >= (options.minRuns ?? 3) && now() - started > options.budgetMs) break;
  }
  return samples;
}

/** A duration for tables: µs below 1 ms, ms below 10 s, else s. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  if (ms < 10000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return 'n/a';
  return r >= 100 ? `${r.toFixed(0)}×` : r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
