import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { say, t } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { PerfgoalError } from "../../model/errors.js";
import { JOBS_HELP, parseJobsOption } from "../../batch/options.js";

interface ParseOptions {
  output?: string;
  outDir?: string;
  force?: boolean;
  jobs?: number;
  quiet?: boolean;
}

export function registerParse(program: Command, ctx: CommandContext): void {
  program
    .command("parse")
    .description(t(ctx, "把申报表（.txt .docx .doc .xlsx .xls .yaml）解析为 YAML", "parse forms (.txt .docx .doc .xlsx .xls .yaml) into YAML"))
    .argument("<paths...>", t(ctx, "文件、文件夹或通配符，- 表示标准输入", "files, folders or globs, - for stdin"))
    .option("-o, --output <file>", t(ctx, "写入一个 YAML 文件（多份表单写成 YAML 流）", "write one YAML file (several forms as a YAML stream)"))
    .option("--out-dir <dir>", t(ctx, "每个输入写一个 .yaml，按输入目录结构存放", "one .yaml per input, mirroring the input folders"))
    .option("--force", t(ctx, "覆盖已存在的输出文件（从不覆盖输入）", "overwrite existing outputs (never an input)"))
    .option("-j, --jobs <n>", t(ctx, JOBS_HELP.zh, JOBS_HELP.en), parseJobsOption)
    .option("-q, --quiet", t(ctx, "不显示进度与汇总行", "no progress bar or summary line"))
    .action(async (paths: string[], opts: ParseOptions) => {
      ctx.exitCode = await parseCommand(ctx, paths, opts);
    });
}

async function parseCommand(ctx: CommandContext, paths: string[], opts: ParseOptions): Promise<number> {
  const { BatchSession } = await import("../../batch/session.js");
  const { planOutputs } = await import("../../batch/out-dir.js");
  const { OutputClaims, writeFileAtomic } = await import("../io.js");
  const { isPerfgoalError } = await import("../../model/errors.js");
  const { withSchemaRef, withoutSchemaHeader } = await import("../../model/yaml-write.js");
  const { schemaRefFor } = await import("../schema-ref.js");
  /** A YAML file's header names the installed schema as seen from where the file is written. */
  const located = (yaml: string, target: string) => withSchemaRef(yaml, schemaRefFor(target));
  if (opts.output && opts.outDir) {
    say(ctx, t(ctx, "perfgoal: -o 与 --out-dir 不能同时使用", "perfgoal: -o and --out-dir are mutually exclusive"));
    return EXIT.usage;
  }
  const session = new BatchSession(ctx, { ...(opts.jobs ? { jobs: opts.jobs } : {}), ...(opts.quiet ? { quiet: true } : {}) });
  // What this run writes is never read back as input (`parse 来件/ --out-dir 来件/yaml`, run twice).
  const exclude = [opts.outDir, opts.output].filter((p): p is string => p !== undefined && p !== "-").map((p) => path.resolve(ctx.io.cwd, p));
  if (!(await session.expand(paths.filter((p) => p !== "-"), { exclude }))) return EXIT.usage;
  const inputs = session.inputPaths();
  const claims = new OutputClaims();
  const toStdout = !opts.outDir && !opts.output;
  const collected: string[] = [];
  let streamed = 0;
  // Several forms on stdout form a YAML stream, each sent as soon as it and those before it are done.
  const emit = (yaml: string) => (toStdout ? ctx.io.stdout(streamed++ > 0 ? `---\n${yaml}` : yaml) : collected.push(yaml));
  /** An output not written: said (or counted, when it exists) and exit 2, the inputs being fine. */
  const refused = (e: unknown, shown: string, forInput: boolean) => {
    if (!isPerfgoalError(e)) throw e;
    session.refuseOutput(e.code, `perfgoal: ${e.describe(ctx.lang, shown)}`, forInput);
  };

  if (paths.includes("-")) {
    const { parseBuffer } = await import("../../parse/index.js");
    const { formsToYaml } = await import("../../model/yaml-write.js");
    let yaml: string | undefined;
    try {
      const result = await parseBuffer(await ctx.io.readStdin(), "-");
      for (const w of [...result.warnings, ...(result.repairs ?? [])]) say(ctx, `perfgoal: -: ${w}`);
      yaml = formsToYaml(result.forms.map((f) => f.form));
    } catch (e) {
      if (!isPerfgoalError(e)) throw e;
      session.fail("-", { ...e.toFailure(), internal: false });
    }
    if (yaml !== undefined && opts.outDir) {
      const target = path.join(path.resolve(ctx.io.cwd, opts.outDir), "stdin.yaml");
      try {
        await writeFileAtomic(target, located(yaml, target), { force: opts.force, inputs, claims, owner: "-" });
      } catch (e) {
        refused(e, path.relative(ctx.io.cwd, target) || target, false);
      }
    } else if (yaml !== undefined) emit(yaml);
  }

  const targets = opts.outDir ? planOutputs(session.files, opts.outDir, ".yaml", ctx.io.cwd) : [];
  for await (const outcome of session.run<{ yaml: string }>({ command: "parse", lang: ctx.lang })) {
    if (!outcome.payload) continue;
    const { yaml } = outcome.payload;
    if (opts.outDir) {
      const planned = targets[outcome.index]!;
      try {
        if (planned.clashesWithInput) throw new PerfgoalError("PG-E-SAME-AS-INPUT", undefined, { file: planned.target });
        await writeFileAtomic(planned.target, located(yaml, planned.target), { force: opts.force, inputs: [inputs[outcome.index]!], claims, owner: outcome.name });
      } catch (e) {
        refused(e, path.relative(ctx.io.cwd, planned.target) || planned.target, true);
      }
    } else emit(yaml);
  }
  if (opts.output && collected.length > 0 && !session.interrupted) {
    // One header for the file, as formsToYaml writes a stream.
    const text = collected.map((y, i) => (i === 0 ? y : `---\n${withoutSchemaHeader(y)}`)).join("");
    const target = path.resolve(ctx.io.cwd, opts.output);
    try {
      await writeFileAtomic(target, located(text, target), { force: opts.force, inputs });
    } catch (e) {
      refused(e, opts.output, false);
    }
  }
  session.printSummary();
  return session.exitCode(EXIT.ok);
}
