import { describe, expect, it } from "vitest";
import { reportFinding } from "../../src/lint/types.js";
import { packResult, unpackResult } from "../../src/batch/packed.js";
import { finding, form } from "../report/results.js";

describe("packed results", () => {
  it("come back as the result with only what reports read of each finding", () => {
    const r = form({ formIndex: 2, findings: [finding(), finding({ severity: "warning", message: "两行\n说明", locationText: "" })] });
    const packed = packResult(r);
    expect(packed.packed).toHaveLength(14);
    expect(unpackResult(packed)).toEqual({ ...r, findings: r.findings.map(reportFinding) });
  });

  it("keep the fixable mark of a finding", () => {
    const r = form({ findings: [finding({ fixable: true, fix: { edits: [{ path: "indicators.annual[1].value.raw", from: "≧40万元", to: "≥40万元" }] } }), finding()] });
    expect(unpackResult(packResult(r)).findings.map((f) => f.fixable)).toEqual([true, undefined]);
  });

  it("leave full results (json) as they are", () => {
    const r = form();
    expect(unpackResult(r)).toBe(r);
  });
});
