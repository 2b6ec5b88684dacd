import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { say, t } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { writeOutput } from "./write-output.js";
import type { RenderLayout } from "../../render/layout.js";

interface InitOptions {
  layout?: string;
  output?: string;
  force?: boolean;
  docx?: boolean;
}

const LAYOUTS: readonly RenderLayout[] = ["L1", "L2", "L5"];
const LAYOUT_NAMES: Record<RenderLayout, string> = {
  L1: "湖南 2023 项目支出预算绩效目标申报表",
  L2: "财政部 2011 财政支出（项目）绩效目标申报表",
  L5: "中央样式 项目支出绩效目标申报表",
};

const DEFAULT_YAML = "goals.yaml";
export const DEFAULT_DOCX = "申报表.docx";

const LAYOUT_HELP = {
  zh: "表式：L1（湖南 2023，默认）、L2（财政部 2011）、L5（中央样式）",
  en: "layout: L1 (Hunan 2023, default), L2 (MOF 2011), L5 (central)",
};

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description(t(ctx, "生成一份待填写的空白申报表（带中文说明的 YAML，或 Word 文件）", "write a blank form to fill in (YAML with Chinese notes, or a Word file)"))
    .option("-l, --layout <layout>", t(ctx, LAYOUT_HELP.zh, LAYOUT_HELP.en))
    .option("-o, --output <file>", t(ctx, `输出文件（默认 ${DEFAULT_YAML}，--docx 时 ${DEFAULT_DOCX}）`, `the file to write (default ${DEFAULT_YAML}, or ${DEFAULT_DOCX} with --docx)`))
    .option("--docx", t(ctx, "生成空白的 Word 申报表，而不是 YAML", "write the blank form as Word (.docx) instead of YAML"))
    .option("--force", t(ctx, "覆盖已存在的文件", "overwrite an existing file"))
    .action(async (opts: InitOptions) => {
      ctx.exitCode = await initCommand(ctx, opts);
    });
}

/** The layout asked for, or undefined (after saying so) when it is not one perfgoal writes. */
export function layoutOption(ctx: CommandContext, value: string | undefined): RenderLayout | undefined {
  const layout = LAYOUTS.find((l) => l === (value ?? "L1").toUpperCase());
  if (!layout) say(ctx, `perfgoal: ${t(ctx, `--layout 应为 ${LAYOUTS.join("、")} 之一`, `--layout must be one of ${LAYOUTS.join(", ")}`)}`);
  return layout;
}

async function initCommand(ctx: CommandContext, opts: InitOptions): Promise<number> {
  const layout = layoutOption(ctx, opts.layout);
  if (!layout) return EXIT.usage;
  if (opts.docx) return writeBlankDocx(ctx, { layout, output: opts.output ?? DEFAULT_DOCX, force: opts.force ?? false });
  const target = path.resolve(ctx.io.cwd, opts.output ?? DEFAULT_YAML);
  const shown = path.relative(ctx.io.cwd, target) || target;
  const { blankForm } = await import("../../render/blank-form.js");
  const { formToYaml } = await import("../../model/yaml-write.js");
  const { schemaRefFor } = await import("../schema-ref.js");
  const blank = blankForm(layout);
  const yaml = formToYaml(blank.form, { schemaRef: schemaRefFor(target), template: { blankNumbers: blank.blankNumbers, intro: instructions(layout, shown) } });
  return write(ctx, target, shown, yaml, opts.force ?? false, t(ctx, `填写后审核：perfgoal validate ${shown}`, `fill it in, then: perfgoal validate ${shown}`));
}

/** The lines at the top of a blank YAML: what to fill in and how, and what to run next. */
function instructions(layout: RenderLayout, file: string): string {
  return [
    `绩效目标申报表（${layout}：${LAYOUT_NAMES[layout]}），由 perfgoal init 生成。`,
    `填写方法：在 "" 之间填写内容，# 之后是说明。`,
    `数字项（年度、金额）以“# 键名:”开头：填写时去掉行首的 #，如 # total: 改为 total: 361。`,
    "每个二级指标先给出一行：填写三级指标（tier3）和指标值（raw）；有多个三级指标时复制该行；不适用的二级指标留空。",
    `填好后：perfgoal validate ${file} 审核；perfgoal render ${file} -o 申报表.docx 生成 Word。`,
  ].join("\n");
}

/** The empty official form as .docx (`init --docx`, `render --blank`): the renderer's own output for a blank form. */
export async function writeBlankDocx(ctx: CommandContext, options: { layout: RenderLayout; output: string; force: boolean; landscape?: boolean }): Promise<number> {
  const { blankForm } = await import("../../render/blank-form.js");
  const { renderForm } = await import("../../render/render.js");
  const target = path.resolve(ctx.io.cwd, options.output);
  const shown = path.relative(ctx.io.cwd, target) || target;
  const bytes = await renderForm(blankForm(options.layout).form, { layout: options.layout, ...(options.landscape ? { landscape: true } : {}) });
  return write(ctx, target, shown, bytes, options.force, t(ctx, "用 Word 填写后可审核：perfgoal validate " + shown, `fill it in with Word, then: perfgoal validate ${shown}`));
}

/** Write the template, then say what comes next. */
async function write(ctx: CommandContext, target: string, shown: string, data: string | Uint8Array, force: boolean, next: string): Promise<number> {
  const code = await writeOutput(ctx, target, shown, data, { force });
  if (code === EXIT.ok) say(ctx, `perfgoal: ${next}`);
  return code;
}
