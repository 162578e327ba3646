// A minimal runner for the real-editor checks: named cases run in order, one PASS/FAIL line each.
import { setTimeout as pollInterval } from 'node:timers/promises';

/** Thrown by a case whose prerequisite failed, so it is reported as FAIL with the reason. */
export class Blocked extends Error {}

/**
 * Polls `probe` until it returns a truthy value or the deadline passes (expect.poll style).
 * The interval is only the polling rate; the wait ends on the condition, never on the clock.
 */
export async function poll(what, probe, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail =
        last instanceof Error ? ` (last error: ${last.message})` : last !== undefined ? ` (last: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await pollInterval(interval);
  }
}

/** Throws with `message` unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Runs the cases in order and prints one line per case; `onFailure(name)` may save evidence. Stops
 * (without reporting the rest) once `stopped()` is true, e.g. after a signal.
 */
export async function runCases(cases, { onFailure, stopped = () => false } = {}) {
  const results = [];
  for (const testCase of cases) {
    if (stopped()) break;
    const started = Date.now();
    let error;
    try {
      await testCase.run();
    } catch (caught) {
      error = caught;
      if (onFailure && !(caught instanceof Blocked)) {
        try {
          await onFailure(testCase.name);
        } catch {
          // evidence is best effort
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (stopped()) break;
    if (error) {
      const reason = String(error.message ?? error).split('\n')[0];
      console.log(`FAIL  ${testCase.name}  (${seconds}s)\n      ${reason}`);
    } else {
      console.log(`PASS  ${testCase.name}  (${seconds}s)`);
    }
    results.push({ name: testCase.name, ok: !error });
  }
  return results;
}
