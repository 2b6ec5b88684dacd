import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { registerRender } from "./render.js";
import { registerRules } from "./rules.js";
import { registerValidate } from "./validate.js";

/** Commands besides `parse` register here (validate, render, rules). */
export function registerCommands(program: Command, ctx: CommandContext): void {
  registerValidate(program, ctx);
  registerRules(program, ctx);
  registerRender(program, ctx);
}
