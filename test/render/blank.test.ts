/**
 * `render --blank`: the empty official form of a layout, from the same renderer as `render` (a
 * row for each 二级, empty cells). It parses back to the blank form, validates with only what is
 * missing, and is what `init --docx` writes.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDocument } from "../../src/render/document.js";
import { blankForm } from "../../src/render/blank-form.js";
import { parseFile } from "../../src/parse/index.js";
import { TAXONOMY } from "../../src/rules/helpers/taxonomy.js";
import { runCli } from "../cli/run-cli.js";
import { sortFindings, validateBlank } from "../cli/blank-findings.js";
import type { Form } from "../../src/model/form.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfgoal-blank-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd: dir });
/** Header values the form holds, besides what the printed form itself gives (its title and unit). */
function filledLeaves(form: Form): string[] {
  const { title: _t, amountUnit: _u, source: _s, indicators: _i, ...header } = form;
  const out: string[] = [];
  const walk = (value: unknown, at: string) => {
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`);
    else if (value !== undefined && value !== "") out.push(`${at}=${String(value)}`);
  };
  walk(header, "");
  return out;
}

const CANONICAL_ROWS = Object.entries(TAXONOMY.A).flatMap(([tier1, tier2s]) => tier2s.map((tier2) => `${tier1}/${tier2}`));

describe("perfgoal render --blank", () => {
  it.each(["L1", "L2", "L5"] as const)("%s: the empty form reads back as the blank form, and reports only what is missing", async (layout) => {
    const r = await cli("render", "--blank", "-l", layout, "-o", "空白.docx");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("→ 空白.docx\n");
    const parsed = await parseFile(path.join(dir, "空白.docx"));
    expect(parsed.forms).toHaveLength(1);
    const form = parsed.forms[0]!.form;
    expect(form.source?.layout).toMatch(new RegExp(`^${layout}\\b`));
    const tables = [form.indicators.annual, ...(layout === "L2" ? [form.indicators.longTerm ?? []] : [])];
    for (const rows of tables) {
      expect(rows.map((row) => `${row.tier1}/${row.tier2}`)).toEqual(CANONICAL_ROWS);
      expect(rows.every((row) => row.tier3 === "" && row.value.raw === "")).toBe(true);
    }
    if (layout !== "L2") expect(form.indicators.longTerm).toBeUndefined();
    // Nothing the blank form leaves empty is read as filled in (a label taken for a value, say).
    expect(filledLeaves(form)).toEqual([]);
    const { unexpected, missingFields } = sortFindings(await validateBlank(dir, "空白.docx"));
    expect(unexpected).toEqual([]);
    expect(missingFields).toEqual(expect.arrayContaining(["funding.total", "goals.annual", "project.department.name", "project.name", "project.period"]));
  });

  it("prints what render prints for the blank form, and init --docx writes the same", async () => {
    expect((await cli("render", "--blank", "-o", "a.docx")).code).toBe(0);
    expect((await cli("init", "--docx", "-o", "b.docx")).code).toBe(0);
    const a = (await parseFile(path.join(dir, "a.docx"))).forms[0]!.form;
    const b = (await parseFile(path.join(dir, "b.docx"))).forms[0]!.form;
    expect({ ...a, source: {} }).toEqual({ ...b, source: {} });
    // The default layout is L1's: the Hunan header, 中央/省级/市级 under 上级资金.
    const xml = buildDocument(blankForm("L1").form).documentXml;
    expect(xml).toContain("年度本级预算金额");
    expect(xml).toContain("中央：");
  });

  it("--blank reads no input and writes nothing when misused: one line, exit 2", async () => {
    const withInput = await cli("render", "--blank", "goals.yaml", "-o", "x.docx");
    expect(withInput.code).toBe(2);
    expect(withInput.stderr).toBe("perfgoal: --blank 不读取输入文件，只用 -o 指定输出\n");
    const outDir = await cli("render", "--blank", "--out-dir", "out");
    expect(outDir.code).toBe(2);
    const badLayout = await cli("--lang", "en", "render", "--blank", "-l", "L3", "-o", "x.docx");
    expect(badLayout).toMatchObject({ code: 2, stderr: "perfgoal: -l, --layout must be one of L1, L2, L5 (got L3)\n" });
    const nothing = await cli("render");
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe("perfgoal: 缺少输入文件（空白表请用 --blank）\n");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("never writes over an existing file without --force", async () => {
    expect((await cli("render", "--blank", "-o", "x.docx")).code).toBe(0);
    const again = await cli("render", "--blank", "-o", "x.docx");
    // An output that is already there is about the command, not the form: exit 2, as every command.
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("x.docx: 输出文件已存在");
    expect((await cli("render", "--blank", "-o", "x.docx", "--force", "--landscape")).code).toBe(0);
    expect(existsSync(path.join(dir, "x.docx"))).toBe(true);
  });
});
