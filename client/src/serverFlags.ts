/**
 * Node.js flags the language server runs with when VS Code starts it. The tests and the benchmark start the
 * server with the same flags, so they measure what ships; other editors can pass them too (see README).
 *
 * With a 1 MB draft open the server's live heap is about 35 MB, but a cold lint of that draft allocates
 * some 500 MB of short-lived objects. Left to its defaults V8 lets both generations grow far past the live
 * data, and resident memory follows. A ceiling on the old generation (ten times the live heap of the
 * longest draft ClaimLint checks whole, 5 MB) makes it collect sooner, and a 4 MB semi-space keeps the young
 * generation small; together they keep the server near 130 MB instead of about 220 MB with the 1 MB draft
 * open, at no cost to lint time measurable on the benchmark machine.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-old-space-size=512', '--max-semi-space-size=4'];
