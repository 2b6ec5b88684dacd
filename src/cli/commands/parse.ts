import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { say, t } from "../context.js";
import { EXIT } from "../exit-codes.js";

interface ParseOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
}

export function registerParse(program: Command, ctx: CommandContext): void {
  program
    .command("parse")
    .description(t(ctx, "把申报表（.txt .docx .doc .yaml）解析为 YAML", "parse forms (.txt .docx .doc .yaml) into YAML"))
    .argument("<paths...>", t(ctx, "文件或文件夹，- 表示标准输入", "files or folders, - for stdin"))
    .option("-o, --output <file>", t(ctx, "写入一个 YAML 文件（多份表单写成 YAML 流）", "write one YAML file (several forms as a YAML stream)"))
    .option("--out-dir <dir>", t(ctx, "每个输入写一个 .yaml，按输入目录结构存放", "one .yaml per input, mirroring the input folders"))
    .option("--force", t(ctx, "覆盖已存在的输出文件（从不覆盖输入）", "overwrite existing outputs (never an input)"))
    .action(async (paths: string[], opts: ParseOptions) => {
      ctx.exitCode = await parseCommand(ctx, paths, opts);
    });
}

async function parseCommand(ctx: CommandContext, paths: string[], opts: ParseOptions): Promise<number> {
  const { expandInputs } = await import("../../batch/expand.js");
  const { parseFile, parseBuffer } = await import("../../parse/index.js");
  const { formsToYaml } = await import("../../model/yaml.js");
  const { writeFileAtomic } = await import("../io.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  if (opts.output && opts.outDir) {
    say(ctx, t(ctx, "perfgoal: -o 与 --out-dir 不能同时使用", "perfgoal: -o and --out-dir are mutually exclusive"));
    return EXIT.usage;
  }
  const useStdin = paths.includes("-");
  const expanded = await expandInputs(paths.filter((p) => p !== "-"), ctx.io.cwd);
  for (const m of expanded.missing) say(ctx, `perfgoal: ${m}: ${t(ctx, "文件不存在", "file not found")} [PG-E-NOT-FOUND]`);
  if (expanded.missing.length > 0) return EXIT.usage;

  const jobs: { file: string; root: string }[] = [...(useStdin ? [{ file: "-", root: "." }] : []), ...expanded.files];
  const inputs = expanded.files.map((f) => path.resolve(ctx.io.cwd, f.file));
  const collected: string[] = [];
  let failed = false;
  for (const job of jobs) {
    try {
      const result = job.file === "-" ? await parseBuffer(await ctx.io.readStdin(), "-") : await parseFile(path.resolve(ctx.io.cwd, job.file));
      for (const w of result.warnings) say(ctx, `perfgoal: ${job.file}: ${w}`);
      const yaml = formsToYaml(result.forms.map((f) => f.form));
      if (opts.outDir) {
        const rel = job.file === "-" ? "stdin" : path.relative(job.root, job.file);
        const target = path.join(path.resolve(ctx.io.cwd, opts.outDir), rel.replace(/\.[^.\\/]*$/, "") + ".yaml");
        await writeFileAtomic(target, yaml, { force: opts.force, inputs });
      } else collected.push(yaml);
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      failed = true;
      say(ctx, `perfgoal: ${e.describe(ctx.lang, job.file)}`);
      if (ctx.debug && e.stack) say(ctx, e.stack);
    }
  }
  if (!opts.outDir && collected.length > 0) {
    const text = collected.map((y, i) => (i === 0 ? y : `---\n${y}`)).join("");
    if (opts.output) await writeFileAtomic(path.resolve(ctx.io.cwd, opts.output), text, { force: opts.force, inputs });
    else ctx.io.stdout(text);
  }
  return failed ? EXIT.findings : EXIT.ok;
}
