/**
 * The slips a clerk makes editing goals.yaml, each through `perfgoal validate`: a blank or deleted
 * field is reported by the rule that owns it, at its line; an amount typed as text is read with a
 * warning; YAML that cannot be read is refused with the line and what to type instead. The seed's
 * other findings stay as they were (finding sets compared with and without the edit).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { parseReport } from "../report/json-report.js";

const SEED = readFileSync(fileURLToPath(new URL("../../examples/hengdong-2023.yaml", import.meta.url)), "utf8");

interface JsonFinding {
  ruleId: string;
  severity: string;
  messageId: string;
  message: string;
  path: string;
  location?: { line: number };
}
interface JsonResult {
  findings?: JsonFinding[];
  fatal?: { code: string; message: string };
}

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), "perfgoal-yaml-traps-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `perfgoal validate goals.yaml` on `text`, as JSON and as the clerk reads it. */
async function validate(text: string, lang: "zh" | "en" = "zh") {
  writeFileSync(path.join(dir, "goals.yaml"), text);
  const json = await runCli(["validate", "goals.yaml", "--format", "json", "--no-config", "-j", "1", "--lang", lang], { cwd: dir });
  const stylish = await runCli(["validate", "goals.yaml", "--no-config", "-j", "1", "--lang", lang], { cwd: dir });
  const result = (parseReport(json.stdout) as { results: JsonResult[] }).results[0]!;
  return { code: json.code, result, stylish: stylish.stdout, stderr: stylish.stderr };
}

/** The seed's text with one edit; fails when the edit finds nothing to change. */
function edit(from: string | RegExp, to: string): string {
  const text = SEED.replace(from, to);
  expect(text, String(from)).not.toBe(SEED);
  return text;
}

/** A finding as compared: rule, message, path, line (moved up when lines above it were deleted). */
function keyOf(f: JsonFinding, deleted?: { after: number; lines: number }): string {
  let line = f.location?.line;
  if (line !== undefined && deleted && line > deleted.after) line -= deleted.lines;
  return `${f.ruleId}|${f.severity}|${f.path}|${line ?? "-"}|${f.message}`;
}

let baseline: JsonFinding[];
beforeAll(async () => {
  baseline = (await validate(SEED)).result.findings!;
  expect(baseline.length).toBeGreaterThan(50);
});

/** What the edit added and removed, compared to the seed's own findings. */
async function difference(text: string, deleted?: { after: number; lines: number }) {
  const { result, stylish } = await validate(text);
  expect(result.fatal).toBeUndefined();
  const before = new Set(baseline.map((f) => keyOf(f, deleted)));
  const after = new Set(result.findings!.map((f) => keyOf(f)));
  return { added: [...after].filter((k) => !before.has(k)), removed: [...before].filter((k) => !after.has(k)), stylish };
}

describe("blank and deleted fields are findings, not refusals", () => {
  it("a blank 项目名称 is PG001 at its line, everything else unchanged", async () => {
    const { added, removed, stylish } = await difference(edit("  name: 衡东县政府办项目支出", "  name: "));
    expect(added).toEqual(["required-header-fields|error|project.name|8|必填项“项目名称”未填写"]);
    expect(removed).toEqual([]);
    expect(stylish).toMatch(/第8行第\d+列 +错误 +必填项“项目名称”未填写 +required-header-fields +project\.name/);
  });

  it("a blank 三级 is PG002 at its line; only findings about that row or its name change", async () => {
    const text = edit("tier3: 为民办实事", "tier3:");
    const line = text.split("\n").indexOf("      tier3:") + 1;
    expect(line).toBeGreaterThan(30);
    const { added, removed } = await difference(text);
    expect(added).toContain(`indicator-row-complete|error|indicators.annual[1].tier3|${line}|指标值“15-20项/年”没有对应的三级指标名称`);
    const aboutTheRow = (k: string) => k.includes("|indicators.annual[1].") || k.includes("为民办实事") || k.includes("“”");
    expect(added.filter((k) => !aboutTheRow(k))).toEqual([]);
    expect(removed.filter((k) => !aboutTheRow(k))).toEqual([]);
  });

  it("a deleted funding block is PG001 资金总额; only the budget comparison goes", async () => {
    const { added, removed } = await difference(edit(/^funding:.*\n  total: 361.*\n  ownLevel: 361.*\n/m, ""), { after: 15, lines: 3 });
    expect(added).toEqual(["required-header-fields|error|funding.total|-|必填项“资金总额”未填写"]);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/^cost-within-budget\|info\|.*预算 361 万元/);
  });

  it("a deleted amountUnit takes 万元 with a warning", async () => {
    const { added, removed } = await difference(edit(/^amountUnit: 万元.*\n/m, ""), { after: 6, lines: 1 });
    expect(added).toEqual(["yaml-fields-readable|warning|amountUnit|-|未填写“amountUnit”，已按默认值“万元”读取"]);
    expect(removed).toEqual([]);
  });
});

describe("amounts typed as text are read", () => {
  for (const written of ['"361"', "361万元", "361 万元", "３６１"]) {
    it(`total: ${written} is 361 with a warning at its line`, async () => {
      const text = edit("  total: 361", `  total: ${written}`);
      const { added, removed } = await difference(text);
      const shown = written.replace(/"/g, "");
      expect(added).toEqual([`yaml-fields-readable|warning|funding.total|16|金额写成了文本“${shown}”，已按 361（万元）读取；请只写数字，单位写在 amountUnit`]);
      expect(removed).toEqual([]);
    });
  }

  it("an amount in 元 on a 万元 form is an error and is not converted", async () => {
    const { added, removed } = await difference(edit("  total: 361", "  total: 3,610,000元"));
    expect(added).toContain("yaml-fields-readable|error|funding.total|16|金额“3,610,000元”写的单位“元”与表头金额单位“万元”不符，此项未读取（不自动换算）");
    expect(added).toContain("required-header-fields|error|funding.total|16|必填项“资金总额”未填写");
    expect(removed.every((k) => k.startsWith("cost-within-budget"))).toBe(true);
  });

  it("an amount that is no number is an error at its line", async () => {
    const { added } = await difference(edit("  total: 361", "  total: 待定"));
    expect(added).toContain("yaml-fields-readable|error|funding.total|16|金额“待定”不是数字，此项未读取");
  });

  it("speaks English with --lang en", async () => {
    const { result } = await validate(edit("  total: 361", "  total: 361万元"), "en");
    const f = result.findings!.find((x) => x.ruleId === "yaml-fields-readable")!;
    expect(f.message).toBe("amount written as text “361万元”: read as 361 (万元); write the number alone and the unit in amountUnit");
  });
});

describe("YAML that cannot be read is refused with the line and the fix", () => {
  const slips = [
    {
      name: "a full-width colon",
      text: () => edit("tier3: 为民办实事", "tier3：为民办实事"),
      zh: "键“tier3”后用了全角冒号“：”，应为半角冒号“:”加一个空格（tier3: 值）",
      en: "the key “tier3” is followed by a full-width colon “：”; YAML needs “:” and a space (tier3: value)",
    },
    {
      name: "a tab",
      text: () => edit("  name: 衡东县政府办项目支出", "\tname: 衡东县政府办项目支出"),
      zh: "键“name”前用了 Tab 键缩进，YAML 只能用空格缩进",
      en: "the key “name” is indented with a tab; YAML indents with spaces only",
    },
    {
      name: "no space after the colon",
      text: () => edit("  name: 衡东县政府办项目支出", "  name:衡东县政府办项目支出"),
      zh: "键“name”的冒号后缺少空格，应写成“name: 值”",
      en: "no space after the colon of “name”; write “name: value”",
    },
  ];
  for (const slip of slips) {
    it(slip.name, async () => {
      const text = slip.text();
      const line = text.split("\n").findIndex((l, i) => l !== SEED.split("\n")[i]) + 1;
      const zh = await validate(text);
      expect(zh.code).toBe(1);
      expect(zh.result.fatal?.code).toBe("PG-E-YAML");
      expect(zh.result.fatal?.message).toBe(`YAML 内容无效：第${line}行: ${slip.zh}`);
      expect(zh.stderr).toBe(`perfgoal: goals.yaml: YAML 内容无效：第${line}行: ${slip.zh} [PG-E-YAML]\n`);
      const en = await validate(text, "en");
      expect(en.result.fatal?.message).toBe(`invalid YAML: line ${line}: ${slip.en}`);
    });
  }
});

describe("parse and render say what the loader repaired", () => {
  it("an amount left unread is a warning line naming the field and its line, and the rest is written", async () => {
    writeFileSync(path.join(dir, "unread.yaml"), edit("  total: 361", "  total: 待定"));
    for (const args of [["parse", "unread.yaml"], ["render", "unread.yaml", "-o", "unread.docx"]]) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stderr).toMatch(/perfgoal: unread\.yaml: funding\.total（第\d+行）：金额“待定”不是数字，此项未读取\n/);
    }
    // validate reports it once, as its finding, not also as a warning line.
    const v = await runCli(["validate", "unread.yaml", "--no-config", "-j", "1"], { cwd: dir });
    expect(v.stderr).not.toContain("此项未读取");
    expect(v.stdout).toContain("此项未读取");
  });
});
