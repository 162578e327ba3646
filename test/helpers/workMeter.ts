/**
 * Measures how much work a piece of code does without timing it, so a test can tell linear from quadratic
 * growth deterministically on any machine. Work is the sum of three counts:
 *
 * - `blocks`: V8 precise block coverage (`node:inspector`), the number of times each function and each
 *   block of JavaScript ran: loop iterations and calls, in the engine and its dependencies;
 * - `regexChars`: characters each regular expression search could have scanned (from where it starts to
 *   the match end, or to the input's end when nothing matched; one for an anchored search that fails),
 *   which block counts miss because the regex engine is native code;
 * - `builtinChars`: elements or characters that native string and array methods walk (`indexOf`, `slice`,
 *   `join`, …), which block counts miss too.
 *
 * Block coverage only instruments functions compiled after it started, so `startWorkMeter` must run before
 * the measured code is loaded (in a process of its own: see `workOfShapes`).
 */
import { Session } from 'node:inspector';

/** Work done by one measured call. */
export interface Work {
  blocks: number;
  regexChars: number;
  builtinChars: number;
  total: number;
  /** The largest contributors (functions, regular expressions, native methods), most work first. */
  top: [what: string, work: number][];
}

/** Work by contributor, to say where it went when a test fails. */
type Tally = Map<string, number>;

function add(tally: Tally, what: string, work: number): void {
  tally.set(what, (tally.get(what) ?? 0) + work);
}

let session: Session | undefined;

/** Posts an inspector command; the in-process session answers synchronously. */
function post<T>(method: string, params: object = {}): T {
  if (!session) throw new Error('startWorkMeter() was not called');
  let result: unknown;
  let error: Error | null = null;
  session.post(method, params, (err, answer) => {
    error = err;
    result = answer;
  });
  if (error) throw error;
  return result as T;
}

interface ScriptCoverage {
  url: string;
  functions: { functionName: string; ranges: { count: number }[] }[];
}

/** Starts block coverage; call before loading the code to be measured. */
export function startWorkMeter(): void {
  if (session) return;
  session = new Session();
  session.connect();
  post('Profiler.enable');
  post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
}

/** Block executions since the last call (taking coverage resets its counts), in files outside the meter. */
function blocksSinceLastTake(tally?: Tally): number {
  const { result } = post<{ result: ScriptCoverage[] }>('Profiler.takePreciseCoverage');
  let blocks = 0;
  for (const script of result) {
    // node's own internals vary with what the event loop does; the meter's wrappers are not the measured code
    if (!script.url.startsWith('file://') || script.url.includes('/test/helpers/workMeter')) continue;
    const file = script.url.slice(script.url.lastIndexOf('/') + 1);
    for (const fn of script.functions) {
      let work = 0;
      for (const range of fn.ranges) work += range.count;
      blocks += work;
      if (tally && work > 0) add(tally, `${fn.functionName || '(anonymous)'} in ${file}`, work);
    }
  }
  return blocks;
}

/** True when a search can only match at the position it starts from, so a failure costs next to nothing. */
function anchored(pattern: RegExp): boolean {
  return pattern.sticky || (pattern.source.startsWith('^') && !pattern.multiline);
}

type Method = (this: unknown, ...args: unknown[]) => unknown;
/** What a native method walks, from its receiver, arguments and result. */
type Cost = (self: { length: number }, args: unknown[], result: unknown) => number;

const lengthOf: Cost = (self) => self.length;
const madeLength: Cost = (_self, _args, made) => (made as { length: number }).length + 1;
const position = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** `splice` moves the elements after the ones it removes, and writes the ones it inserts. */
const spliceCost: Cost = (after, args, removed) => {
  const inserted = Math.max(0, args.length - 2);
  const before = after.length + (removed as unknown[]).length - inserted;
  const start = position(args[0], 0);
  const from = start < 0 ? Math.max(0, before + start) : Math.min(before, start);
  return before - from + inserted + 1;
};

/**
 * Native methods whose cost grows with their input, each with what it walks: `indexOf` from a position scans
 * to what it finds or to the end; the rest cost the length of what they read or make.
 */
const BUILTIN_PATCHES: [owner: object, name: string, cost: Cost][] = [
  [
    String.prototype,
    'indexOf',
    (s, args, found) => ((found as number) < 0 ? s.length : (found as number)) - Math.max(0, position(args[1], 0)) + 1,
  ],
  [String.prototype, 'lastIndexOf', (s, args, found) => Math.min(s.length, position(args[1], s.length)) - Math.max(0, found as number) + 1],
  [String.prototype, 'includes', lengthOf],
  [String.prototype, 'split', (s, args) => (args[0] instanceof RegExp ? 1 : s.length)],
  [String.prototype, 'toLowerCase', lengthOf],
  [String.prototype, 'toUpperCase', lengthOf],
  [String.prototype, 'normalize', lengthOf],
  [String.prototype, 'repeat', madeLength],
  [Array.prototype, 'indexOf', (a, _args, found) => ((found as number) < 0 ? a.length : (found as number) + 1)],
  [Array.prototype, 'lastIndexOf', (a, _args, found) => a.length - (found as number)],
  [Array.prototype, 'includes', lengthOf],
  [Array.prototype, 'slice', madeLength],
  [Array.prototype, 'splice', spliceCost],
  [Array.prototype, 'concat', madeLength],
  [Array.prototype, 'join', madeLength],
  [Array.prototype, 'reverse', lengthOf],
  [Array.prototype, 'fill', lengthOf],
  [Array.prototype, 'sort', (a) => a.length * Math.max(1, Math.ceil(Math.log2(a.length)))],
];

/**
 * Runs `run` with the regex engine and the native methods above counting what they scan; every patch is
 * undone before this returns.
 */
function withNativeCounts(run: () => void, tally: Tally): { regexChars: number; builtinChars: number } {
  let regexChars = 0;
  let builtinChars = 0;
  const exec = RegExp.prototype.exec;
  const originals: [object, string, Method][] = [];
  // every regex operation (test, match, matchAll, replace, split, search) goes through a patched exec
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    const text = String(input);
    const scanned = match ? Math.max(1, match.index + match[0].length - from) : anchored(this) ? 1 : Math.max(1, text.length - from);
    regexChars += scanned;
    add(tally, String(this), scanned);
    return match;
  };
  for (const [owner, name, cost] of BUILTIN_PATCHES) {
    const original = (owner as Record<string, Method>)[name];
    originals.push([owner, name, original]);
    const what = `${owner === Array.prototype ? 'Array' : 'String'}.prototype.${name}`;
    const counted: Method = function (this: unknown, ...args: unknown[]) {
      const result = Reflect.apply(original, this, args);
      const walked = cost(Object(this) as { length: number }, args, result);
      builtinChars += walked;
      add(tally, what, walked);
      return result;
    };
    Object.defineProperty(owner, name, { value: counted, writable: true, configurable: true, enumerable: false });
  }
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
    for (const [owner, name, original] of originals)
      Object.defineProperty(owner, name, { value: original, writable: true, configurable: true, enumerable: false });
  }
  return { regexChars, builtinChars };
}

/** The work `run` does (see the module comment). */
export function measureWork(run: () => void): Work {
  blocksSinceLastTake();
  const tally: Tally = new Map();
  const { regexChars, builtinChars } = withNativeCounts(run, tally);
  const blocks = blocksSinceLastTake(tally);
  const top = [...tally].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { blocks, regexChars, builtinChars, total: blocks + regexChars + builtinChars, top };
}
