import { describe, expect, it } from "vitest";
import rule from "../../src/rules/satisfaction-target.js";
import { makeForm, row, runRule, seedForm } from "./helpers.js";

const sat = (value: string) => row("满意度指标", "服务对象满意度指标", "群众满意度", value);

describe("satisfaction-target (R18)", () => {
  it("notes the seed's two 100% satisfaction targets", () => {
    const reports = runRule(rule, seedForm());
    expect(reports.map((r) => [r.messageId, r.severity, r.data?.value])).toEqual([
      ["hundred", "info", "100%"],
      ["hundred", "info", "100%"],
    ]);
  });

  it("warns below 80%, notes 80–85%, accepts ≥90%", () => {
    const form = makeForm({ annual: [sat("≥75%"), sat("≥82%"), sat("≥90%")] });
    expect(runRule(rule, form).map((r) => [r.messageId, r.severity, r.data?.threshold])).toEqual([
      ["tooLow", "warning", 80],
      ["low", "info", 85],
    ]);
  });

  it("takes the thresholds from options", () => {
    const form = makeForm({ annual: [sat("≥90%")] });
    expect(runRule(rule, form, { options: { warnBelow: 95, infoBelow: 98 } }).map((r) => r.messageId)).toEqual(["tooLow"]);
  });

  it("warns when a satisfaction target is not a percentage", () => {
    expect(runRule(rule, makeForm({ annual: [sat("较高")] })).map((r) => r.messageId)).toEqual(["notPercent"]);
  });
});
