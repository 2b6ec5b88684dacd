import { Command, type Option } from "commander";
import { didYouMean } from "../util/did-you-mean.js";
import type { Lang } from "./context.js";
import { PerfgoalHelp } from "./help-zh.js";
import { helpHint, UsageError } from "./usage-error.js";

/**
 * commander's Command with perfgoal's help (Chinese in zh mode) and with its parse errors as one
 * UsageError line each — what is wrong, a near name when there is one, where the help is — in
 * place of commander's English `error: …` and the whole help after it.
 */
export class PerfgoalCommand extends Command {
  constructor(
    name: string | undefined,
    readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): PerfgoalCommand {
    return new PerfgoalCommand(name, this.lang);
  }

  override createHelp(): PerfgoalHelp {
    return Object.assign(new PerfgoalHelp(this.lang), this.configureHelp());
  }

  /** `perfgoal validate`, as the user would type it to reach this command. */
  private commandPath(): string {
    const names: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) names.unshift(c.name());
    return names.join(" ");
  }

  private refuse(zh: string, en: string): never {
    const hint = helpHint(this.commandPath());
    throw new UsageError({ zh: `${zh}；${hint.zh}`, en: `${en}; ${hint.en}` });
  }

  /** Long options of this command and of the commands above it (global options are taken anywhere). */
  private knownLongOptions(): string[] {
    const known: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) {
      for (const o of c.createHelp().visibleOptions(c)) if (o.long) known.push(o.long);
    }
    return known;
  }

  // The methods below replace commander's own (not in its typings): commander calls them by name.

  unknownOption(flag: string): never {
    const near = flag.startsWith("--") ? didYouMean(flag, this.knownLongOptions()) : undefined;
    this.refuse(`未知选项 ${flag}${near ? `（是否应为 ${near}？）` : ""}`, `unknown option ${flag}${near ? ` (did you mean ${near}?)` : ""}`);
  }

  unknownCommand(): never {
    this.refuseCommandName(String(this.args[0]));
  }

  /** `perfgoal help valdate`: the same line as `perfgoal valdate`, not the whole help. */
  _dispatchHelpCommand(name?: string): unknown {
    if (name !== undefined && !this.commands.some((c) => c.name() === name || c.aliases().includes(name))) this.refuseCommandName(name);
    const commanders = Command.prototype as unknown as { _dispatchHelpCommand: (this: Command, name?: string) => unknown };
    return commanders._dispatchHelpCommand.call(this, name);
  }

  private refuseCommandName(written: string): never {
    const near = didYouMean(written, this.commands.map((c) => c.name()));
    this.refuse(`未知命令 ${written}${near ? `（是否应为 ${near}？）` : ""}`, `unknown command ${written}${near ? ` (did you mean ${near}?)` : ""}`);
  }

  missingArgument(name: string): never {
    this.refuse(`缺少参数 <${name}>`, `missing argument <${name}>`);
  }

  optionMissingArgument(option: Option): never {
    this.refuse(`选项 ${option.flags} 缺少值`, `option ${option.flags} needs a value`);
  }

  _excessArguments(received: string[]): never {
    const expected = this.registeredArguments.length;
    this.refuse(
      `参数过多：${this.name()} 最多接受 ${expected} 个参数，收到 ${received.length} 个`,
      `too many arguments: ${this.name()} takes at most ${expected}, got ${received.length}`,
    );
  }
}
