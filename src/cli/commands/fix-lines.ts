import type { AppliedFix, FixOutcome } from "../../lint/fix.js";
import { shownName } from "../../model/errors.js";

type Lang = "zh" | "en";

/** A text as the change line shows it: quoted when its spaces are the point (or it is empty). */
function shownText(text: string): string {
  const visible = shownName(text);
  return text === "" || /^\s|\s$|\s\s/.test(text) ? `“${visible}”` : visible;
}

/**
 * One line per applied fix: `位置: 旧 → 新 (rule id)`, the location as validate shows it (the model
 * path when there is none), the form's number first when the file holds several.
 */
export function describeChange(a: AppliedFix, formNumber: number | undefined, lang: Lang): string {
  const first = a.edits[0]!;
  const form = formNumber === undefined ? "" : lang === "zh" ? `第${formNumber}份 ` : `form ${formNumber} `;
  const where = a.locationText || a.path;
  const more = a.edits.length > 1 ? (lang === "zh" ? `（共 ${a.edits.length} 行）` : ` (${a.edits.length} rows)`) : "";
  return `${form}${where}: ${shownText(first.from)} → ${shownText(first.to)}${more} (${a.ruleId})`;
}

/** Fixes applied, and fixable findings still left in the fixed forms. */
export function fixTotals(outcomes: readonly FixOutcome[]): { fixed: number; left: number } {
  let fixed = 0;
  let left = 0;
  for (const o of outcomes) {
    fixed += o.applied.length;
    left += o.result.findings.filter((f) => f.fixable).length;
  }
  return { fixed, left };
}
