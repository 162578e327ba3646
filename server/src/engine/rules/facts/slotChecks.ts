/**
 * The slot checks now live with their kinds (./slots/); this module keeps the outlet-channel test where
 * rules/quotes.ts imports it from until that file imports ./outletChannel directly.
 */
export { outletIsChannel } from './outletChannel';
