import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { registerInit } from "./init.js";
import { registerRender } from "./render.js";
import { registerRules } from "./rules.js";
import { registerSchema } from "./schema.js";
import { registerValidate } from "./validate.js";

/** Commands besides `parse` register here (validate, render, rules, init, schema). */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerValidate(program, ctx);
  registerRules(program, ctx);
  registerRender(program, ctx);
  registerInit(program, ctx);
  registerSchema(program, ctx);
}
