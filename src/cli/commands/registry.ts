import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { registerFix } from "./fix.js";
import { registerRender } from "./render.js";
import { registerRules } from "./rules.js";
import { registerValidate } from "./validate.js";

/** Commands besides `parse` register here (validate, render, rules, fix). */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerValidate(program, ctx);
  registerRules(program, ctx);
  registerRender(program, ctx);
  registerFix(program, ctx);
}
