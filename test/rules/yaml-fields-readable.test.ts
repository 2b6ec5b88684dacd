import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/yaml-fields-readable.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { makeForm, runRule, seedForm } from "./helpers.js";

const SEED_YAML = readFileSync(fileURLToPath(new URL("../../examples/hengdong-2023.yaml", import.meta.url)), "utf8");

/** The seed YAML with one edit, read as the loader reads it, and what the rule reports of it. */
function reportsFor(edit: (text: string) => string) {
  const text = edit(SEED_YAML);
  expect(text).not.toBe(SEED_YAML);
  const { form, notes } = loadFormYaml(text, "goals.yaml");
  return runRule(rule, form, { notes }).map((r) => [r.messageId, r.severity, r.path, r.data]);
}

describe("yaml-fields-readable (R32)", () => {
  it("passes a form read without repairs, from YAML or from any other reader", () => {
    expect(loadFormYaml(SEED_YAML).notes).toEqual([]);
    expect(runRule(rule, loadFormYaml(SEED_YAML).form, { notes: [] })).toEqual([]);
    expect(runRule(rule, seedForm())).toEqual([]);
    expect(runRule(rule, makeForm())).toEqual([]);
  });

  it("warns of an amount written as text, naming the unit it was read in", () => {
    expect(reportsFor((t) => t.replace("total: 361", "total: 361万元"))).toEqual([
      ["amountText", "warning", "funding.total", { text: "361万元", amount: 361, unit: "万元" }],
    ]);
    expect(reportsFor((t) => t.replace("total: 361", 'total: "361"'))[0]!.slice(0, 2)).toEqual(["amountText", "warning"]);
  });

  it("reports an amount that is no number, or in another unit, as an error", () => {
    expect(reportsFor((t) => t.replace("total: 361", "total: 待定"))).toEqual([["amountUnread", "error", "funding.total", { text: "待定" }]]);
    expect(reportsFor((t) => t.replace("total: 361", "total: 3,610,000元"))).toEqual([
      ["amountUnitConflict", "error", "funding.total", { text: "3,610,000元", written: "元", unit: "万元" }],
    ]);
  });

  it("says when the amount unit was missing or unknown and the default was taken", () => {
    expect(reportsFor((t) => t.replace(/^amountUnit: 万元.*\n/m, ""))).toEqual([["defaultTaken", "warning", "amountUnit", { field: "amountUnit", value: "万元" }]]);
    expect(reportsFor((t) => t.replace("amountUnit: 万元", "amountUnit: 千元"))).toEqual([
      ["unknownChoice", "error", "amountUnit", { field: "amountUnit", written: "千元", value: "万元", choices: "万元 / 元" }],
    ]);
  });

  it("reports a missing annual indicator table as an error", () => {
    expect(reportsFor((t) => t.replace(/^indicators:(.*)\n  annual:/m, "indicators:$1\n  longTerm:"))).toEqual([
      ["listMissing", "error", "indicators.annual", { field: "indicators.annual" }],
    ]);
  });

  it("leaves blank fields to the rules that own them", () => {
    expect(reportsFor((t) => t.replace("  name: 衡东县政府办项目支出", "  name:"))).toEqual([]);
    expect(reportsFor((t) => t.replace("tier3: 为民办实事", "tier3:"))).toEqual([]);
  });
});
