/**
 * The layout family (L1 … L7 of the layout notes) a form belongs to, from the labels, column
 * headers and blocks the extractor met. A family is a hint for reports, never a parse rule.
 */
import { LAYOUT_WORDS } from "../../model/terms.js";
import { normaliseLabel } from "./text.js";

export interface LayoutEvidence {
  title?: string;
  /** Canonical labels of every header field seen. */
  labels: Set<string>;
  /** Normalised header texts of every indicator block. */
  headers: Set<string>;
  flat: boolean;
  /** A block of its own for long-term indicators (not a column group). */
  longTermBlock: boolean;
  /** ★ marks on indicator names. */
  coreMarks: boolean;
}

const M = LAYOUT_WORDS.familyMarkers;
const hasAny = (set: Set<string>, names: readonly string[]) => names.some((n) => set.has(normaliseLabel(n)));

export function detectLayout(e: LayoutEvidence): string | undefined {
  const title = e.title ?? "";
  if (e.flat) return "L6";
  if (e.longTermBlock) return "L2";
  if (M.regionTitle.some((w) => title.includes(w)) || hasAny(e.labels, M.regionLabels)) return "L4";
  if (e.headers.has(M.separateUnitHeader) && !hasAny(e.headers, M.comparisonHeaders)) return "L4";
  if (e.headers.has(M.measureUnitHeader) && hasAny(e.headers, M.comparisonHeaders)) return "L7";
  if (e.coreMarks || M.povertyTitle.some((w) => title.includes(w)) || hasAny(e.labels, M.povertyLabels)) return "L3";
  if (hasAny(e.labels, M.centralLabels)) return "L5";
  if (hasAny(e.labels, M.hunanLabels) || hasAny(e.headers, M.hunanHeaders)) return "L1";
  return undefined;
}
