import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintBytes, lintFile } from "../../src/lint/lint-file.js";
import { isFatal } from "../../src/lint/types.js";
import { testRule } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-lint-file-"));
const yaml = `amountUnit: 万元
project:
  name: 测试项目
funding:
  total: 100
goals:
  annual: 完成培训
indicators:
  annual:
    - tier1: 产出指标
      tier2: 数量指标
      tier3: 培训人数
      value: "≥100人"
`;
writeFileSync(path.join(dir, "form.yaml"), yaml);
writeFileSync(path.join(dir, "empty.docx"), "");
writeFileSync(path.join(dir, "bad.yaml"), "project: [unclosed\n");

const valueRule = testRule({ id: "value-seen", severity: "info" }, (form, ctx) =>
  ctx.report({ messageId: "found", path: "indicators.annual[0].value", data: { what: form.indicators.annual[0]!.value.raw } }),
);

describe("lintFile", () => {
  it("reviews each form of a file under the name it was given, pointing at YAML lines", async () => {
    const outcome = await lintFile(path.join(dir, "form.yaml"), { rules: [valueRule] }, "forms/form.yaml");
    expect(outcome.internal).toBe(false);
    const [result] = outcome.results;
    expect(result && !isFatal(result) && result.findings[0]).toMatchObject({ message: "发现 ≥100人", locationText: "第13行第14列" });
    expect(result?.file).toBe("forms/form.yaml");
  });

  it("makes an unreadable file a fatal result with its code, in the run's language", async () => {
    const empty = await lintFile(path.join(dir, "empty.docx"), { rules: [valueRule], lang: "en" }, "empty.docx");
    expect(empty.results).toEqual([
      { file: "empty.docx", fatal: { code: "PG-E-EMPTY", message: "file is empty", messageZh: "文件为空", messageEn: "file is empty" } },
    ]);
    const missing = await lintFile(path.join(dir, "nope.docx"), { rules: [] }, "nope.docx");
    expect(missing.results[0]).toMatchObject({ fatal: { code: "PG-E-NOT-FOUND" } });
    const bad = await lintFile(path.join(dir, "bad.yaml"), { rules: [] });
    expect(bad.results[0]).toMatchObject({ fatal: { code: "PG-E-YAML" } });
  });

  it("reads bytes from memory, taking the format hint from the name", async () => {
    const outcome = await lintBytes(Buffer.from(yaml), "stdin.yaml", { rules: [valueRule] });
    expect(outcome.results[0]).toMatchObject({ file: "stdin.yaml", counts: { error: 0, warning: 0, info: 1 } });
  });
});
