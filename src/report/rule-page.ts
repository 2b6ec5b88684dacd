import { Chalk } from "chalk";
import type { Lang } from "../lint/types.js";
import type { RuleMeta } from "../rules/types.js";
import { severityLabel } from "./labels.js";

const HEADINGS = {
  zh: { severity: "默认级别", catalogue: "审核规则目录", description: "说明", source: "依据", messages: "消息", options: "选项", none: "无", config: "在 perfgoal.config.yaml 中配置", fails: "不通过", passes: "通过", page: "详见" },
  en: { severity: "default severity", catalogue: "catalogue", description: "Description", source: "Source", messages: "Messages", options: "Options", none: "none", config: "In perfgoal.config.yaml", fails: "Fails", passes: "Passes", page: "Page" },
} as const;

/** `perfgoal rules PG014`: one rule's page for the terminal, in one language (docs/rules/<id>.md has both). */
export function rulePage(meta: RuleMeta, options: { lang: Lang; color?: boolean }): string {
  const { lang } = options;
  const h = HEADINGS[lang];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const indent = (text: string) => text.trimEnd().split("\n").map((l) => `  ${l}`);
  const lines = [c.bold(`${meta.code}  ${meta.id}`), `${h.severity}: ${severityLabel(meta.severity, lang)}${meta.catalogue ? `   ${h.catalogue}: ${meta.catalogue}` : ""}`, ""];
  lines.push(c.bold(h.description), ...indent(meta.description[lang]), "", c.bold(h.source), ...indent(meta.source[lang]), "");
  lines.push(c.bold(h.messages), ...Object.entries(meta.messages).map(([id, m]) => `  ${id}: ${m[lang]}`), "");
  const settings = Object.entries(meta.defaultOptions ?? {});
  lines.push(c.bold(h.options), ...(settings.length === 0 ? [`  ${h.none}`] : settings.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)), "");
  lines.push(c.bold(h.config), "  rules:", `    ${meta.id}: ${meta.severity}   # off | info | warning | error`, "");
  if (meta.examples) lines.push(c.bold(h.fails), ...indent(meta.examples.fail), "", c.bold(h.passes), ...indent(meta.examples.pass), "");
  lines.push(`${h.page}: docs/rules/${meta.id}.md`);
  return `${lines.join("\n")}\n`;
}
