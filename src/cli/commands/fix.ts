import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { say, t, usage } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { numberedTarget } from "../../batch/out-dir.js";

interface FixCliOptions {
  output?: string;
  write?: boolean;
  dryRun?: boolean;
  force?: boolean;
  /** A file name, false for --no-config, undefined to look for perfgoal.config.yaml. */
  config?: string | false;
}

export function registerFix(program: Command, ctx: CommandContext): void {
  program
    .command("fix")
    .description(
      t(
        ctx,
        "自动修正只涉及写法、不改变含义的问题（≧ → ≥、全角数字、多余空格、一级/二级指标名称的笔误），写出修正后的表单",
        "correct what is only notation, never meaning (≧ → ≥, full-width digits, stray spaces, slips in 一级/二级 names), and write the corrected form",
      ),
    )
    .argument("<file>", t(ctx, "申报表文件（.yaml .docx .doc .txt）", "a form file (.yaml .docx .doc .txt)"))
    .option("-o, --output <file>", t(ctx, "写入此文件（.yaml，或 .docx 生成 Word 文件）；默认写在输入旁，名为 <名称>.fixed.yaml", "write this file (.yaml, or .docx for a Word file); default: <name>.fixed.yaml beside the input"))
    .option("--write", t(ctx, "直接修改输入的 YAML 文件（仅限 .yaml 输入）", "change the input YAML itself (.yaml inputs only)"))
    .option("--dry-run", t(ctx, "只列出将作的修正，不写任何文件", "list the corrections, write nothing"))
    .option("--force", t(ctx, "覆盖已存在的输出文件（从不覆盖输入，除非 --write）", "overwrite an existing output (never the input, except with --write)"))
    .option("-c, --config <file>", t(ctx, "使用指定的配置文件", "use this config file"))
    .option("--no-config", t(ctx, "不读取任何配置文件", "use no config file"))
    .action(async (file: string, opts: FixCliOptions) => {
      ctx.exitCode = await fixCommand(ctx, file, opts);
    });
}

/** `perfgoal fix`: read one form file, apply the notation fixes, write the corrected form. */
async function fixCommand(ctx: CommandContext, file: string, opts: FixCliOptions): Promise<number> {
  const { isPerfgoalError, PerfgoalError, shownName } = await import("../../model/errors.js");
  const { readFormFile } = await import("./fix-input.js");
  const { describeChange, fixTotals } = await import("./fix-lines.js");
  if (opts.write && opts.output) return usage(ctx, "--write 与 -o 不能同时使用", "--write and -o are mutually exclusive");
  const outputKind = opts.output === undefined ? "yaml" : /\.docx$/i.test(opts.output) ? "docx" : /\.ya?ml$/i.test(opts.output) ? "yaml" : undefined;
  if (!outputKind) return usage(ctx, `-o ${opts.output}：输出须为 .yaml 或 .docx`, `-o ${opts.output}: the output must be .yaml or .docx`);

  const cwd = ctx.io.cwd;
  const abs = path.resolve(cwd, file);
  const shown = (p: string) => shownName(path.relative(cwd, p) || p);
  const fail = (e: unknown, exit: number): number => {
    if (!isPerfgoalError(e)) throw e;
    say(ctx, `perfgoal: ${e.describe(ctx.lang, e.file === abs || e.file === undefined ? file : e.file)}`);
    return exit;
  };

  const rules = await loadFixRules(ctx, opts);
  if (!rules) return EXIT.usage;

  let input: Awaited<ReturnType<typeof readFormFile>>;
  try {
    input = await readFormFile(abs, file);
  } catch (e) {
    // A path that is not there is a usage problem, as for the other commands; a file that cannot be read is an input problem.
    return fail(e, isPerfgoalError(e) && e.code === "PG-E-NOT-FOUND" ? EXIT.usage : EXIT.findings);
  }
  const isYaml = input.parsed.format === "yaml";
  if (opts.write && !isYaml) {
    return usage(
      ctx,
      `${file}：--write 只用于 .yaml；修正后的表单写为 YAML（或用 -o 名称.docx 生成 Word 文件），从不覆盖原文件`,
      `${file}: --write is for .yaml only; the fixed form is written as YAML (or, with -o name.docx, as a Word file), never over the original`,
    );
  }
  for (const w of input.parsed.warnings) say(ctx, `perfgoal: ${file}: ${w}`);

  const { fixForm, netEdits } = await import("../../lint/fix.js");
  const { lintForm } = await import("../../lint/lint-form.js");
  const forms = input.parsed.forms;
  const outcomes = forms.map(({ form, sourceMap }) => fixForm(form, (f) => lintForm(f, sourceMap, { rules: rules.rules, config: rules.config, lang: ctx.lang })));
  const several = forms.length > 1;
  for (const [i, o] of outcomes.entries()) for (const a of o.applied) ctx.io.stdout(`${describeChange(a, several ? i + 1 : undefined, ctx.lang)}\n`);
  const totals = fixTotals(outcomes);
  if (totals.left > 0) {
    say(ctx, t(ctx, `perfgoal: ${file}：另有 ${totals.left} 个可修正的问题未能自动修正（文本已变或修正会改变含义），请手工修改`, `perfgoal: ${file}: ${totals.left} more fixable problems could not be fixed automatically (the text changed, or the fix would change meaning); correct them by hand`));
  }
  if (totals.fixed === 0) {
    ctx.io.stdout(`${t(ctx, "无可自动修正的问题", "nothing to fix automatically")}\n`);
    return EXIT.ok;
  }

  const target = opts.write ? abs : opts.output !== undefined ? path.resolve(cwd, opts.output) : besideInput(abs);
  const what = t(ctx, `共修正 ${totals.fixed} 处`, `${totals.fixed} ${totals.fixed === 1 ? "fix" : "fixes"}`);
  if (opts.dryRun) {
    ctx.io.stdout(`${what}${t(ctx, `（--dry-run：未写入 ${shown(target)}）`, ` (--dry-run: ${shown(target)} not written)`)}\n`);
    return EXIT.ok;
  }

  let documents: { file: string; bytes: string | Uint8Array }[];
  try {
    if (outputKind === "docx") {
      const { renderForm } = await import("../../render/render.js");
      documents = [];
      for (const [i, o] of outcomes.entries()) documents.push({ file: numberedTarget(target, i, outcomes.length), bytes: await renderForm(o.form) });
    } else if (isYaml) {
      const { editYamlText } = await import("../../lint/fix-yaml.js");
      const yaml = input.yaml!;
      const text = editYamlText(yaml.text, outcomes.map((o) => netEdits(o.applied)), outcomes.map((o) => o.form), file);
      documents = [{ file: target, bytes: yaml.bom ? `\uFEFF${text}` : text }];
    } else {
      const { formsToYaml } = await import("../../model/yaml-write.js");
      documents = [{ file: target, bytes: formsToYaml(outcomes.map((o) => o.form)) }];
    }
  } catch (e) {
    return fail(e, EXIT.findings);
  }

  const { writeFileAtomic } = await import("../io.js");
  for (const d of documents) {
    try {
      if (!opts.write && path.resolve(d.file) === abs) throw new PerfgoalError("PG-E-SAME-AS-INPUT", undefined, { file: d.file });
      // --write replaces the input on purpose; any other output never does.
      await writeFileAtomic(d.file, d.bytes, opts.write ? { force: true } : { force: opts.force, inputs: [abs] });
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      say(ctx, `perfgoal: ${e.describe(ctx.lang, shown(d.file))}`);
      return EXIT.findings;
    }
    ctx.io.stdout(`${what}${t(ctx, `，已写入 ${shown(d.file)}`, `, written to ${shown(d.file)}`)}\n`);
  }
  if (input.yaml && input.yaml.encoding !== "utf-8" && input.yaml.encoding !== "utf-8-bom") {
    say(ctx, t(ctx, `perfgoal: ${file}：原文件编码为 ${input.yaml.encoding}，修正后的文件以 UTF-8 写出`, `perfgoal: ${file}: the input was ${input.yaml.encoding}; the fixed file is written in UTF-8`));
  }
  return EXIT.ok;
}

/** `dir/name.yaml` → `dir/name.fixed.yaml` (`name.docx` too: the fixed form is YAML). */
function besideInput(abs: string): string {
  const ext = path.extname(abs);
  return path.join(path.dirname(abs), `${path.basename(abs, ext)}.fixed.yaml`);
}

/** The rules and their settings as validate takes them from perfgoal.config.yaml (a rule turned off offers no fix). */
async function loadFixRules(
  ctx: CommandContext,
  opts: FixCliOptions,
): Promise<{ rules: readonly import("../../rules/types.js").Rule[]; config: import("../../lint/types.js").LintConfig } | undefined> {
  const { loadRules } = await import("../../lint/rule-registry.js");
  const { findConfigFile } = await import("../../config/find.js");
  const { resolveConfig } = await import("../../config/resolve.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  const rules = await loadRules();
  const metas = rules.map((r) => r.meta);
  try {
    const file = opts.config === false ? undefined : opts.config ? path.resolve(ctx.io.cwd, opts.config) : await findConfigFile(ctx.io.cwd);
    let resolved;
    if (!file) resolved = resolveConfig(undefined, metas, ctx.lang);
    else {
      const { loadConfigFile } = await import("../../config/load.js");
      resolved = resolveConfig(await loadConfigFile(file, ctx.lang), metas, ctx.lang);
    }
    return {
      rules,
      config: {
        ...(resolved.era ? { era: resolved.era } : {}),
        ...(resolved.detectEra !== undefined ? { detectEra: resolved.detectEra } : {}),
        ...(resolved.profile ? { profile: resolved.profile } : {}),
        rules: resolved.rules,
      },
    };
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    say(ctx, `perfgoal: ${e.describe(ctx.lang)}`);
    return undefined;
  }
}
