import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { say, t, usage } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { JOBS_HELP, parseJobsOption } from "../../batch/options.js";
import { oneOf } from "../option-values.js";
import type { RenderOptions } from "../../render/document.js";
import type { RenderLayout } from "../../render/layout.js";
import { numberedTarget } from "../../batch/out-dir.js";

interface RenderCliOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  landscape?: boolean;
  layout?: RenderLayout;
  jobs?: number;
  quiet?: boolean;
  blank?: boolean;
}

const LAYOUTS: readonly RenderLayout[] = ["L1", "L2", "L5"];

export function registerRender(program: Command, ctx: CommandContext): void {
  program
    .command("render")
    .description(t(ctx, "把申报表（.yaml .txt .docx .doc .xlsx .xls .pdf .zip）生成为排版规范的 Word 文件（.docx）", "render forms (.yaml .txt .docx .doc .xlsx .xls .pdf .zip) as formatted Word files (.docx)"))
    .argument("[paths...]", t(ctx, "文件、文件夹或通配符，- 表示标准输入", "files, folders or globs, - for stdin"))
    .option("-o, --output <file>", t(ctx, "输出的 .docx 文件（仅一个输入时）", "the .docx to write (one input only)"))
    .option("--out-dir <dir>", t(ctx, "每份表单写一个 .docx，按输入目录结构存放", "one .docx per form, mirroring the input folders"))
    .option("--force", t(ctx, "覆盖已存在的输出文件（从不覆盖输入）", "overwrite existing outputs (never an input)"))
    .option("--landscape", t(ctx, "A4 横向（默认纵向）", "A4 landscape (default: portrait)"))
    .option("--blank", t(ctx, "生成空白的申报表（每个二级指标一行，单元格留空），不读取输入", "render the empty form to fill in (a row per 二级, empty cells); no input"))
    .option(
      "-l, --layout <layout>",
      t(ctx, "表头样式：L1（湖南 2023）、L2（财政部 2011）、L5（中央样式）；默认取表单来源的样式", "header style: L1 (Hunan 2023), L2 (MOF 2011), L5 (central); default: the form's own"),
      oneOf("-l, --layout", LAYOUTS),
    )
    .option("-j, --jobs <n>", t(ctx, JOBS_HELP.zh, JOBS_HELP.en), parseJobsOption)
    .option("-q, --quiet", t(ctx, "不显示进度与汇总行", "no progress bar or summary line"))
    .action(async (paths: string[], opts: RenderCliOptions) => {
      ctx.exitCode = await renderCommand(ctx, paths, opts);
    });
}

/** `perfgoal render`: read each input, render each form, write each .docx atomically. */
async function renderCommand(ctx: CommandContext, paths: string[], opts: RenderCliOptions): Promise<number> {
  if (opts.output && opts.outDir) return usage(ctx, "-o 与 --out-dir 不能同时使用", "-o and --out-dir are mutually exclusive");
  const layout = opts.layout;
  if (opts.blank) {
    if (paths.length > 0 || opts.outDir) return usage(ctx, "--blank 不读取输入文件，只用 -o 指定输出", "--blank reads no input: name the output with -o only");
    const { writeBlankDocx, DEFAULT_DOCX } = await import("./init.js");
    return writeBlankDocx(ctx, { layout: layout ?? "L1", output: opts.output ?? DEFAULT_DOCX, force: opts.force ?? false, landscape: opts.landscape ?? false });
  }
  if (paths.length === 0) return usage(ctx, "缺少输入文件（空白表请用 --blank）", "no input given (--blank renders an empty form)");
  const renderOptions: RenderOptions = { ...(layout ? { layout } : {}), ...(opts.landscape ? { landscape: true } : {}) };
  const { BatchSession } = await import("../../batch/session.js");
  const { planOutputs } = await import("../../batch/out-dir.js");
  const { OutputClaims, writeFileAtomic } = await import("../io.js");
  const { PerfgoalError, isPerfgoalError, shownName } = await import("../../model/errors.js");

  const useStdin = paths.includes("-");
  if (useStdin && !opts.output && !opts.outDir) return usage(ctx, "从标准输入读取时须用 -o 或 --out-dir 指定输出", "reading stdin needs -o or --out-dir");
  const session = new BatchSession(ctx, { ...(opts.jobs ? { jobs: opts.jobs } : {}), ...(opts.quiet ? { quiet: true } : {}) });
  // What this run writes is never read back as input (`render 来件/ --out-dir 来件/规范版`, run twice).
  const exclude = [opts.outDir, opts.output].filter((p): p is string => p !== undefined).map((p) => path.resolve(ctx.io.cwd, p));
  if (!(await session.expand(paths.filter((p) => p !== "-"), { exclude }))) return EXIT.usage;
  if (opts.output && session.files.length + (useStdin ? 1 : 0) > 1) {
    return usage(ctx, "-o 只能用于一个输入；多个输入请用 --out-dir", "-o takes one input; use --out-dir for several");
  }
  const inputs = session.inputPaths();
  const inputSet = new Set(inputs);
  const cwd = ctx.io.cwd;
  const shown = (p: string) => path.relative(cwd, p) || p;

  /** Where an input's forms go: -o, the mirrored --out-dir path, or beside the input; never onto an input. */
  const planned = opts.outDir ? planOutputs(session.files, opts.outDir, ".docx", cwd).map((p) => p.target) : [];
  const targetFor = (index: number | "stdin"): string => {
    let target: string;
    if (opts.output) target = path.resolve(cwd, opts.output);
    else if (index === "stdin") target = path.join(path.resolve(cwd, opts.outDir!), "stdin.docx");
    else if (opts.outDir) target = planned[index]!;
    else target = inputs[index]!.replace(/\.[^.\\/]*$/, "") + ".docx";
    // A .docx input renders beside itself as `<name>.rendered.docx`.
    if (!opts.output && inputSet.has(target)) target = target.replace(/\.docx$/i, ".rendered.docx");
    return target;
  };

  const claims = new OutputClaims();
  const write = async (name: string, target: string, documents: readonly Uint8Array[], input?: string) => {
    let failed = false;
    for (const [i, bytes] of documents.entries()) {
      const file = numberedTarget(target, i, documents.length);
      try {
        if (inputSet.has(file)) throw new PerfgoalError("PG-E-SAME-AS-INPUT", undefined, { file });
        // The path check above covers every input; the file check needs only this one (a batch stays linear).
        await writeFileAtomic(file, bytes, { force: opts.force, inputs: input ? [input] : inputs, claims, owner: name });
        ctx.io.stdout(`${shownName(name)} → ${shownName(shown(file))}\n`);
      } catch (e) {
        if (!isPerfgoalError(e)) throw e;
        // An input counts as not done once, however many of its forms could not be written.
        session.refuseOutput(e.code, `perfgoal: ${e.describe(ctx.lang, shown(file))}`, input !== undefined && !failed);
        failed = true;
      }
    }
  };

  if (useStdin) {
    const { parseBuffer } = await import("../../parse/index.js");
    const { renderForm } = await import("../../render/render.js");
    try {
      const result = await parseBuffer(await ctx.io.readStdin(), "-");
      for (const w of [...result.warnings, ...(result.repairs ?? [])]) say(ctx, `perfgoal: -: ${w}`);
      const documents: Uint8Array[] = [];
      for (const { form } of result.forms) documents.push(await renderForm(form, renderOptions));
      await write("-", targetFor("stdin"), documents);
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      session.fail("-", { ...e.toFailure(), internal: false });
    }
  }

  for await (const outcome of session.run<{ documents: Uint8Array[] }>({ command: "render", lang: ctx.lang, options: { ...renderOptions } })) {
    if (!outcome.payload) continue;
    await write(outcome.name, targetFor(outcome.index), outcome.payload.documents, inputs[outcome.index]);
  }
  session.printSummary();
  return session.exitCode(EXIT.ok);
}
