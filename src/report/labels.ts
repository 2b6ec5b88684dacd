import type { Lang } from "../lint/types.js";
import type { Severity } from "../rules/types.js";

const SEVERITY: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

export function severityLabel(s: Severity, lang: Lang): string {
  return SEVERITY[s][lang];
}

/** The mark after a message that `perfgoal fix` can correct. */
export const FIXABLE_MARK = { zh: "[可自动修正]", en: "[fixable]" } as const;

/** How a file and, for a file holding several forms, the form are named in reports. */
export function formLabel(file: string, formIndex: number | undefined, lang: Lang): string {
  if (formIndex === undefined) return file;
  return lang === "zh" ? `${file}（第${formIndex}份）` : `${file} (form ${formIndex})`;
}

/** The most frequent rule ids of a form's findings, most frequent first (ties by id). */
export function topRuleIds(findings: readonly { ruleId: string }[], n = 3): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([id]) => id);
}
