import type { IndicatorRow } from "../../model/form.js";
import type { TaxonomyEra } from "../types.js";
import { canonicalTier1, canonicalTier2, parentsOf } from "./taxonomy.js";

/** The row's canonical 一级: as written (or via an alias), else inferred from its 二级 in this era. */
export function tier1Of(row: IndicatorRow, era: TaxonomyEra): string | undefined {
  const t1 = canonicalTier1(row.tier1).name;
  if (t1) return t1;
  const t2 = canonicalTier2(row.tier2).name;
  return t2 ? parentsOf(era, t2)[0] : undefined;
}
