/** Byte ranges of the WordDocument stream, sorted by position and not overlapping. */

/** Index of the first range that ends after `pos` (binary search: ranges sorted and disjoint). */
export function firstEndingAfter(ranges: readonly { end: number }[], pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
