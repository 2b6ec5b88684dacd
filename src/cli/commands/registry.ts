import type { Command } from "commander";
import type { CommandContext } from "../context.js";

/** Commands besides `parse` register here (validate, render, rules). */
export function registerCommands(_program: Command, _ctx: CommandContext): void {}
