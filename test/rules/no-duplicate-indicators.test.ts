import { describe, expect, it } from "vitest";
import rule from "../../src/rules/no-duplicate-indicators.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

describe("no-duplicate-indicators (R9)", () => {
  it("warns on the same name and value twice under one 二级", () => {
    const form = makeForm({
      annual: [row("产出指标", "数量指标", "培训人数", "≥100人"), row("产出指标", "数量指标", "培训 人数", "≥100人"), row("产出指标", "数量指标", "培训人数", "≥200人")],
    });
    const reports = runRule(rule, form);
    expect(reports).toEqual([
      { messageId: "duplicate", path: "indicators.annual[1].tier3", data: { name: "培训人数", value: "≥100人", tier2: "数量指标" }, severity: "warning" },
    ]);
  });

  it("notes a sub-item label reused across 二级 (the seed's 禁毒基础设施建设) as info, once per name", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.every((r) => r.messageId === "reusedName" && r.severity === "info")).toBe(true);
    const infra = reports.filter((r) => r.data?.name === "禁毒基础设施建设");
    expect(infra).toHaveLength(1);
    expect(infra[0]!.data?.tier2s).toBe("数量指标、质量指标、成本指标");
  });

  it("does not compare the annual table with the long-term table", () => {
    const same = row("产出指标", "数量指标", "培训人数", "≥100人");
    expect(runRule(rule, makeForm({ annual: [same], longTerm: [same] }))).toEqual([]);
  });
});
