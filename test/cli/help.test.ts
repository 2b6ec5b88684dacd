/**
 * The help of every command: Chinese by default with no English commander boilerplate left,
 * English with --lang en, columns aligned in terminal columns, lines within 80 columns, and the
 * one exit-code table at the end of each.
 */
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/display-width.js";
import { runCli } from "./run-cli.js";

const cwd = process.cwd();
const COMMANDS = [[], ["parse"], ["validate"], ["render"], ["rules"]];

/** commander's own English words, which the Chinese help must not show. */
const COMMANDER_ENGLISH = [
  "Usage:",
  "Options:",
  "Commands:",
  "Arguments:",
  "Global Options:",
  "display help",
  "output the version",
  "(default:",
  "[options]",
  "[command]",
  "error:",
];

async function help(args: string[], lang?: "en"): Promise<string> {
  const r = await runCli([...(lang ? ["--lang", lang] : []), ...args, "--help"], { cwd });
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  return r.stdout;
}

/** The item lines (`  -f, --format <name>  报告格式…`) of one section, e.g. 选项：. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && l === "");
  return lines.slice(start + 1, end);
}

describe("help in Chinese (the default)", () => {
  for (const args of COMMANDS) {
    const name = ["perfgoal", ...args].join(" ");
    it(`${name} --help has no English commander boilerplate`, async () => {
      const text = await help(args);
      for (const words of COMMANDER_ENGLISH) expect(text, words).not.toContain(words);
      expect(text).toMatch(/^用法： perfgoal/);
      expect(text).toContain("选项：");
      expect(text).toContain("显示帮助");
      expect(text).toContain("退出码：");
    });
  }

  it("names the program's commands and its version option in Chinese", async () => {
    const text = await help([]);
    expect(text).toContain("命令：");
    expect(text).toContain("显示版本号");
    expect(text).toMatch(/help \[命令\] +显示命令的帮助/);
    expect(text).toMatch(/validate \[选项\] <paths\.\.\.>/);
  });

  it("shows a default the Chinese way", async () => {
    // A wrapped description joined again: the note may sit across a line break.
    const joined = (text: string) => text.replace(/\n +/g, "");
    expect(joined(await help(["validate"]))).toContain("（默认：stylish）");
    expect(joined(await help(["rules"]))).toContain("（默认：table）");
  });
});

describe("help in English", () => {
  for (const args of COMMANDS) {
    const name = ["perfgoal", ...args].join(" ");
    it(`${name} --help is commander's English`, async () => {
      const text = await help(args, "en");
      expect(text).toMatch(/^Usage: perfgoal/);
      expect(text).toContain("Options:");
      expect(text).toContain("display help for command");
      expect(text).toContain("Exit codes:");
      for (const words of ["用法", "选项：", "显示帮助", "退出码", "（默认"]) expect(text, words).not.toContain(words);
    });
  }

  it("validate's help is English throughout, config lines too", async () => {
    const text = await help(["validate"], "en");
    expect(text).toContain('(default: "stylish")');
    expect(text).toContain("Global Options:");
    expect(text).toContain("Config: perfgoal.config.yaml");
    for (const words of ["配置文件", "审核口径", "报告格式", "从当前文件夹"]) expect(text, words).not.toContain(words);
  });
});

describe("layout", () => {
  for (const lang of [undefined, "en"] as const) {
    for (const args of COMMANDS) {
      const name = `${["perfgoal", ...args].join(" ")} --help${lang ? " --lang en" : ""}`;
      it(`${name}: descriptions start in one column, no line past 80 columns`, async () => {
        const text = await help(args, lang);
        for (const line of text.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
        const heading = lang ? "Options:" : "选项：";
        const items = section(text, heading).filter((l) => /^ {2}-/.test(l));
        expect(items.length).toBeGreaterThan(1);
        // Where each description starts, counted in terminal columns (a Chinese character is two).
        const columns = new Set(
          items
            .map((l) => /^( {2}\S.*?\S) {2,}(\S)/.exec(l))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => displayWidth(m[0]) - displayWidth(m[2]!)),
        );
        expect([...columns]).toHaveLength(1);
        // Wrapped description lines continue under that column.
        const [column] = [...columns];
        for (const l of section(text, heading).filter((l) => /^ {3,}\S/.test(l))) expect(/^ */.exec(l)![0].length).toBe(column);
      });
    }
  }
});

describe("the exit-code table", () => {
  for (const lang of [undefined, "en"] as const) {
    for (const args of COMMANDS) {
      it(`${["perfgoal", ...args].join(" ")} --help${lang ? " --lang en" : ""} lists 0, 1, 2, 130, 143, 129`, async () => {
        const text = await help(args, lang);
        const table = text.slice(text.indexOf(lang ? "Exit codes:" : "退出码："));
        for (const code of ["0", "1", "2"]) expect(table).toMatch(new RegExp(`^ {2}${code} {4}\\S`, "m"));
        for (const code of ["130", "143", "129"]) expect(table).toContain(`${code}  `);
      });
    }
  }
});
