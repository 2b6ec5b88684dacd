/** A test for "n lies in one of the runs", by binary search over the runs sorted once. */
export function runTest(runs: readonly [number, number][]): (n: number) => boolean {
  const sorted = [...runs].sort((x, y) => x[0] - y[0]);
  return (n) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = sorted[mid]!;
      if (n < a) hi = mid - 1;
      else if (n > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
