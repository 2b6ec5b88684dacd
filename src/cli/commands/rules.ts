import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { say, t } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { oneOf } from "../option-values.js";

interface RulesOptions {
  format: "table" | "json";
}

export function registerRules(program: Command, ctx: CommandContext): void {
  program
    .command("rules")
    .argument("[rule]", t(ctx, "只显示这条规则的说明、依据、消息和示例（编号或名称，如 PG014）", "show this rule's page: description, source, messages, examples (code or id, e.g. PG014)"))
    .description(t(ctx, "列出全部审核规则（编号、名称、默认级别、说明）", "list every review rule (code, id, default severity, description)"))
    .option("-f, --format <name>", t(ctx, "输出格式：table 或 json", "output format: table or json"), oneOf("-f, --format", ["table", "json"] as const), "table")
    .configureHelp({ showGlobalOptions: true })
    .action(async (rule: string | undefined, opts: RulesOptions) => {
      ctx.exitCode = await rulesCommand(ctx, rule, opts);
    });
}

async function rulesCommand(ctx: CommandContext, rule: string | undefined, opts: RulesOptions): Promise<number> {
  const { loadRules } = await import("../../lint/rule-registry.js");
  const metas = [...(await loadRules())].map((r) => r.meta).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (rule !== undefined) {
    const wanted = rule.trim().toLowerCase();
    const meta = metas.find((m) => m.id === wanted || m.code.toLowerCase() === wanted);
    if (!meta) {
      const { didYouMean } = await import("../../util/did-you-mean.js");
      const near = didYouMean(rule, metas.map((m) => m.id));
      const hint = near ? t(ctx, `，是否应为 ${near}？`, `: did you mean ${near}?`) : t(ctx, "（perfgoal rules 列出全部规则）", " (perfgoal rules lists them all)");
      say(ctx, `perfgoal: ${t(ctx, `未知规则 ${rule}`, `unknown rule ${rule}`)}${hint}`);
      return EXIT.usage;
    }
    if (opts.format === "json") ctx.io.stdout(`${JSON.stringify({ schemaVersion: 1, rules: [meta] }, null, 2)}\n`);
    else ctx.io.stdout((await import("../../report/rule-page.js")).rulePage(meta, { lang: ctx.lang, color: ctx.color }));
    return EXIT.ok;
  }
  if (opts.format === "json") {
    ctx.io.stdout(`${JSON.stringify({ schemaVersion: 1, rules: metas }, null, 2)}\n`);
    return EXIT.ok;
  }
  const { rulesTable } = await import("../../report/rules-table.js");
  const { DEFAULT_GRADE_BANDS, gradeBasis } = await import("../../lint/grade.js");
  ctx.io.stdout(`${rulesTable(metas, { lang: ctx.lang, color: ctx.color })}\n${gradeBasis(DEFAULT_GRADE_BANDS, ctx.lang)}\n`);
  return EXIT.ok;
}
