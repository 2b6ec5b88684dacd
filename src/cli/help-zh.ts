import { Help, type Argument, type Command, type Option } from "commander";
import { displayWidth } from "../report/display-width.js";
import type { Lang } from "./context.js";

/** commander's headings in Chinese; in English commander's own words stay. */
const HEADINGS_ZH: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** The words commander puts into a usage line (`perfgoal validate [options] <paths...>`). */
const USAGE_WORDS_ZH: Record<string, string> = {
  "[options]": "[选项]",
  "[command]": "[命令]",
};

/** The help's own option and command, and --version, as each language says them. */
export const HELP_WORDS = {
  help: { zh: "显示帮助", en: "display help for command" },
  helpCommand: { zh: "显示命令的帮助", en: "display help for command" },
  version: { zh: "显示版本号", en: "output the version number" },
} as const;

/**
 * Where a help line may break: before any Chinese character (not before closing punctuation) and
 * at spaces — commander breaks at spaces only, which leaves a Chinese sentence one long word.
 */
const WRAP_CHUNK = /\s*(?:[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+)[、。，；：）》」』”！？]*/gu;

/** An option's or argument's default as the Chinese help shows it: `（默认：stylish）`. */
function withDefaultZh(description: string, value: unknown): string {
  return `${description}（默认：${typeof value === "string" ? value : JSON.stringify(value)}）`;
}

/**
 * commander's help, measured in terminal columns (a Chinese character takes two, so the columns
 * line up) and, in Chinese, with commander's headings and default notes in Chinese.
 */
export class PerfgoalHelp extends Help {
  constructor(private readonly lang: Lang) {
    super();
  }

  override displayWidth(str: string): number {
    return displayWidth(str);
  }

  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const out: string[] = [];
    for (const line of str.split(/\r\n|\n/)) {
      let current = "";
      for (const chunk of line.match(WRAP_CHUNK) ?? []) {
        if (current !== "" && displayWidth(current + chunk) > width) {
          out.push(current);
          current = "";
        }
        current += current === "" ? chunk.trimStart() : chunk;
      }
      out.push(current);
    }
    return out.join("\n");
  }

  override styleTitle(str: string): string {
    return this.lang === "zh" ? (HEADINGS_ZH[str] ?? str) : str;
  }

  override commandUsage(cmd: Command): string {
    return this.usageWords(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.usageWords(super.subcommandTerm(cmd));
  }

  private usageWords(usage: string): string {
    return this.lang === "zh" ? usage.split(" ").map((w) => USAGE_WORDS_ZH[w] ?? w).join(" ") : usage;
  }

  override optionDescription(option: Option): string {
    if (this.lang !== "zh") return super.optionDescription(option);
    // Only options that take a value show their default; a flag's false is no news.
    const shows = option.defaultValue !== undefined && (option.required || option.optional);
    return shows ? withDefaultZh(option.description, option.defaultValueDescription ?? option.defaultValue) : option.description;
  }

  override argumentDescription(argument: Argument): string {
    if (this.lang !== "zh") return super.argumentDescription(argument);
    return argument.defaultValue !== undefined ? withDefaultZh(argument.description, argument.defaultValueDescription ?? argument.defaultValue) : argument.description;
  }
}
