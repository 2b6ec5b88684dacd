import { Chalk } from "chalk";
import type { Lang } from "../lint/types.js";
import type { RuleMeta } from "../rules/types.js";
import { displayWidth, padEndWidth } from "./display-width.js";
import { severityLabel } from "./labels.js";

const HEADER = { zh: ["编号", "规则", "默认级别", "说明"], en: ["code", "rule", "severity", "description"] };

/** `perfgoal rules`: one aligned line per rule, and a count. */
export function rulesTable(metas: readonly RuleMeta[], options: { lang: Lang; color?: boolean }): string {
  const { lang } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const rows = metas.map((m) => [m.code, m.id, severityLabel(m.severity, lang), m.description[lang]]);
  const table = [HEADER[lang], ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => displayWidth(r[i]!))));
  const lines = table.map((r, n) => {
    const line = r.map((cell, i) => (i < 3 ? padEndWidth(cell, widths[i]!) : cell)).join("  ");
    return n === 0 ? c.bold(line) : line;
  });
  const count = lang === "zh" ? `共 ${metas.length} 条规则` : `${metas.length} ${metas.length === 1 ? "rule" : "rules"}`;
  return `${lines.join("\n")}\n${count}\n`;
}
