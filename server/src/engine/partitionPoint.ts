/**
 * The index of the first item for which `isBefore` is false, in `items` where every item for which it is
 * true comes first (a binary search: items sorted by the key `isBefore` compares).
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
