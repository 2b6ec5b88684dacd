/**
 * "Did you mean …?": the one known name nearest to what was written, by edit distance over
 * characters (a Chinese character is one slip, like a Latin letter). No suggestion when two names
 * are equally near (重量指标 is as near 数量指标 as 质量指标) or when none is near enough.
 */

/**
 * Edit distance where swapping two neighbours is one slip too (`nmae` for `name`), as are an
 * insertion, a deletion and a substitution (optimal string alignment); gives up (returning
 * limit + 1) once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let previousMin = 0;
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, beforePrevious[j - 2]! + 1);
      current.push(d);
      if (d < rowMin) rowMin = d;
    }
    // A row draws on the two before it: once two rows in a row are past the limit, all later ones are.
    if (rowMin > limit && previousMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
    previousMin = rowMin;
  }
  return Math.min(previous[y.length]!, limit + 1);
}

/** How many slips a name of this length may carry and still be recognised: 1, or 2 from six characters on. */
function allowedSlips(length: number): number {
  return length >= 6 ? 2 : 1;
}

/** The single known name within reach of `written`, or undefined. Comparison ignores case. */
export function didYouMean(written: string, known: Iterable<string>): string | undefined {
  const w = written.trim().toLowerCase();
  if (w === "") return undefined;
  const limit = allowedSlips([...w].length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  for (const name of known) {
    const d = editDistance(w, name.toLowerCase(), limit);
    if (d === 0) return name;
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && name !== best) tied = true;
  }
  return bestDistance <= limit && !tied ? best : undefined;
}
