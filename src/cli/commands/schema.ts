import type { Command } from "commander";
import path from "node:path";
import type { CommandContext } from "../context.js";
import { t } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { writeOutput } from "./write-output.js";

interface SchemaOptions {
  output?: string;
  force?: boolean;
}

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command("schema")
    .description(
      t(ctx, "输出申报表 YAML 的 JSON Schema（编辑器据此提示和检查，无需联网）", "print the JSON Schema of form YAML (editors check and complete with it, offline)"),
    )
    .option("-o, --output <file>", t(ctx, "写入文件（默认输出到标准输出）", "write to a file (default: standard output)"))
    .option("--force", t(ctx, "覆盖已存在的文件", "overwrite an existing file"))
    .action(async (opts: SchemaOptions) => {
      ctx.exitCode = await schemaCommand(ctx, opts);
    });
}

async function schemaCommand(ctx: CommandContext, opts: SchemaOptions): Promise<number> {
  const { formJsonSchema, jsonSchemaText } = await import("../../model/json-schema.js");
  const text = jsonSchemaText(formJsonSchema());
  if (opts.output === undefined) {
    ctx.io.stdout(text);
    return EXIT.ok;
  }
  const { installedSchemaPath } = await import("../schema-ref.js");
  const target = path.resolve(ctx.io.cwd, opts.output);
  const shown = path.relative(ctx.io.cwd, target) || target;
  // The installed copy is what every written YAML names: it is never replaced from here.
  return writeOutput(ctx, target, shown, text, { force: opts.force ?? false, inputs: [installedSchemaPath()] });
}
