import type { Location } from "../model/location.js";
import type { Finding } from "./types.js";

/** Sort key of a location: findings without one first (they are about the whole form). */
function locationKey(loc: Location | undefined): number[] {
  if (!loc) return [0];
  switch (loc.kind) {
    case "paragraph":
      return [1, loc.index];
    case "cell":
      return [2, loc.table, loc.row, loc.col];
    case "line":
      return [3, loc.line, loc.col ?? 0];
    case "sheetCell":
      return [4, loc.sheetIndex, loc.row, loc.col];
    case "page":
      return [5, loc.page, loc.line];
  }
}

export function compareLocations(a: Location | undefined, b: Location | undefined): number {
  const ka = locationKey(a);
  const kb = locationKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Findings in reading order: by location, then rule id; equal keys keep the order rules reported them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
