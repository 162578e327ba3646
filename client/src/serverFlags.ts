/**
 * Node.js flags the language server runs with when VS Code starts it. The tests and the benchmark start the
 * server with the same flags, so they measure what ships; other editors may pass them too (see README).
 *
 * The live heap of a server with a 1 MB draft open is about 35 MB, but a cold lint of that draft allocates
 * some 500 MB of short-lived objects. Without a ceiling V8 lets the old generation grow far past the live
 * data before it collects, and resident memory follows; the ceiling makes it collect sooner. It is ten
 * times the live heap of the longest draft ClaimLint checks whole (5 MB).
 */
export const SERVER_EXEC_ARGV: readonly string[] = (process.env.CLAIMLINT_EXEC_ARGV ?? '--max-old-space-size=512').split(' ').filter(Boolean);
