/**
 * `perfgoal init`: a blank goals.yaml (or, with --docx, the blank Word form) for a layout, its
 * header fields empty and one row per canonical 二级; never over an existing file without
 * --force; what validate reports of it is what is missing, and filling a field in removes its
 * finding.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFormYaml } from "../../src/model/yaml.js";
import { parseFile } from "../../src/parse/index.js";
import { TAXONOMY } from "../../src/rules/helpers/taxonomy.js";
import { runCli } from "./run-cli.js";
import { sortFindings, validateBlank } from "./blank-findings.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "perfgoal-init-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const init = (...args: string[]) => runCli(["init", ...args], { cwd: dir });
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

/** Every canonical 二级 with its 一级, in taxonomy order. */
const CANONICAL_ROWS = Object.entries(TAXONOMY.A).flatMap(([tier1, tier2s]) => tier2s.map((tier2) => `${tier1}/${tier2}`));
const REQUIRED = ["funding.total", "goals.annual", "project.department.name", "project.name", "project.period"];

describe("perfgoal init", () => {
  it("writes goals.yaml for L1: header fields empty, one row per 二级 with 三级 and 指标值 blank", async () => {
    const r = await init();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("→ goals.yaml\n");
    expect(r.stderr).toContain("perfgoal validate goals.yaml");
    const { form } = loadFormYaml(read("goals.yaml"));
    expect(form.source?.layout).toBe("L1");
    expect(form.project).toEqual({ name: "", department: { name: "" }, period: { text: "" } });
    expect(form.goals).toEqual({ longTerm: "", annual: "" });
    expect(form.funding).toEqual({ upperLevel: {} });
    expect(form.indicators.longTerm).toBeUndefined();
    expect(form.indicators.annual.map((row) => `${row.tier1}/${row.tier2}`)).toEqual(CANONICAL_ROWS);
    expect(form.indicators.annual.every((row) => row.tier3 === "" && row.value.raw === "" && row.value.kind === "empty")).toBe(true);
  });

  it("-l L2 adds the MOF fields and a 长期 table; -l L5 the central fields; the number fields are keys to uncomment", async () => {
    expect((await init("-l", "L2", "-o", "l2.yaml")).code).toBe(0);
    const l2 = loadFormYaml(read("l2.yaml")).form;
    expect(l2.source?.layout).toBe("L2");
    expect(Object.keys(l2.project).sort()).toEqual(["attribute", "department", "implementingUnit", "leader", "name", "period", "phone"]);
    expect(l2.indicators.longTerm?.map((row) => `${row.tier1}/${row.tier2}`)).toEqual(CANONICAL_ROWS);
    expect(l2.signatures).toEqual({ filler: "", phone: "", head: "", date: "" });
    for (const key of ["total", "fiscal", "selfRaised", "other"]) expect(read("l2.yaml")).toMatch(new RegExp(`^  # ${key}: # `, "m"));

    expect((await init("--layout", "l5", "-o", "l5.yaml")).code).toBe(0);
    const l5 = loadFormYaml(read("l5.yaml")).form;
    expect(l5.source?.layout).toBe("L5");
    expect(l5.project.department).toEqual({ name: "", code: "" });
    expect(l5.indicators.longTerm).toBeUndefined();
    expect(read("l5.yaml")).toMatch(/^# year: # /m);
  });

  it("never writes over an existing file without --force: one line naming it, exit 2, the file untouched", async () => {
    writeFileSync(path.join(dir, "goals.yaml"), "mine");
    const refused = await init();
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe("perfgoal: goals.yaml: 输出文件已存在（使用 --force 覆盖） [PG-E-EXISTS]\n");
    expect(read("goals.yaml")).toBe("mine");
    const english = await runCli(["--lang", "en", "init"], { cwd: dir });
    expect(english.stderr).toBe("perfgoal: goals.yaml: output exists (use --force to overwrite) [PG-E-EXISTS]\n");
    expect((await init("--force")).code).toBe(0);
    expect(loadFormYaml(read("goals.yaml")).form.source?.layout).toBe("L1");
  });

  it("refuses a layout it does not write: one line, exit 2, nothing written", async () => {
    const r = await init("-l", "L9");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("perfgoal: --layout 应为 L1、L2、L5 之一\n");
    expect(existsSync(path.join(dir, "goals.yaml"))).toBe(false);
  });

  it.each(["L1", "L2", "L5"])("validate reports only what is missing of the blank %s YAML", async (layout) => {
    expect((await init("-l", layout)).code).toBe(0);
    const { unexpected, missingFields } = sortFindings(await validateBlank(dir, "goals.yaml"));
    expect(unexpected).toEqual([]);
    for (const field of REQUIRED) expect(missingFields).toContain(field);
  });

  it("filled in as its comments say, each field filled no longer counts as missing", async () => {
    expect((await init()).code).toBe(0);
    const text = read("goals.yaml");
    const before = sortFindings(await validateBlank(dir, "goals.yaml")).missingFields;
    const filled = text
      .replace(/^( {2}name: )"" /m, "$1农村道路养护 ")
      .replace(/^ {2}# total: /m, "  total: 50 ")
      .replace(/^( {2}annual: )"" /m, "$1完成全县农村道路日常养护 ");
    expect(filled).not.toBe(text);
    writeFileSync(path.join(dir, "goals.yaml"), filled);
    const after = sortFindings(await validateBlank(dir, "goals.yaml"));
    expect(after.unexpected).toEqual([]);
    expect(after.missingFields).toEqual(before.filter((f) => !["project.name", "funding.total", "goals.annual"].includes(f)));
    expect(loadFormYaml(filled).form.funding.total).toBe(50);
  });

  it("--docx writes the blank Word form (申报表.docx by default), which parses to the blank rows and reports only what is missing", async () => {
    const r = await init("--docx");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("→ 申报表.docx\n");
    const parsed = await parseFile(path.join(dir, "申报表.docx"));
    expect(parsed.forms).toHaveLength(1);
    const form = parsed.forms[0]!.form;
    expect(form.indicators.annual.map((row) => `${row.tier1}/${row.tier2}`)).toEqual(CANONICAL_ROWS);
    expect(form.indicators.annual.every((row) => row.tier3 === "" && row.value.raw === "")).toBe(true);
    expect(form.project.name ?? "").toBe("");
    const { unexpected, missingFields } = sortFindings(await validateBlank(dir, "申报表.docx"));
    expect(unexpected).toEqual([]);
    for (const field of REQUIRED) expect(missingFields).toContain(field);
    const again = await init("--docx");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("申报表.docx: 输出文件已存在");
  });
});
