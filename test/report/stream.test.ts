import { describe, expect, it } from "vitest";
import { reportFinding, type ReportResult } from "../../src/lint/types.js";
import { FORMATTER_NAMES, loadFormatter, loadStreamFormatter } from "../../src/report/index.js";
import { JSON_SCHEMA_VERSION } from "../../src/report/json.js";
import type { FormatterOptions } from "../../src/report/types.js";
import { fatal, finding, form, ruleMeta } from "./results.js";

const sets: Record<string, ReportResult[]> = {
  none: [],
  clean: [form({ findings: [] })],
  fatalOnly: [fatal],
  mixed: [
    form(),
    fatal,
    form({ file: "b.docx", findings: [] }),
    form({ file: "c.docx", formIndex: 2, findings: [finding({ severity: "warning", message: "两行\n说明" }), finding({ severity: "info", locationText: "" })] }),
  ],
};

const optionSets: FormatterOptions[] = [
  { lang: "zh", rules: [ruleMeta], version: "1.2.3" },
  { lang: "en", color: true, rules: [] },
];

describe("streaming reports", () => {
  for (const name of FORMATTER_NAMES) {
    for (const [label, results] of Object.entries(sets)) {
      it(`${name}: start, add per result and end give the whole report (${label})`, async () => {
        for (const options of optionSets) {
          const stream = (await loadStreamFormatter(name))!(options);
          const pieces = [stream.start(), ...results.map((r) => stream.add(r)), stream.end()];
          expect(pieces.join("")).toBe((await loadFormatter(name))!(results, options));
        }
      });
    }
  }

  it("stylish and csv: text rendered by one stream (a worker) and added in order by another gives the whole report", async () => {
    for (const name of ["stylish", "csv"]) {
      for (const results of Object.values(sets)) {
        for (const options of optionSets) {
          const worker = (await loadStreamFormatter(name))!(options);
          const main = (await loadStreamFormatter(name))!(options);
          const pieces = [main.start(), ...results.map((r) => main.addPiece!(worker.render!(r))), main.end()];
          expect(pieces.join("")).toBe((await loadFormatter(name))!(results, options));
        }
      }
    }
  });

  it("json is one document, laid out as JSON.stringify lays out the whole report", async () => {
    for (const results of Object.values(sets)) {
      const options = optionSets[0]!;
      const text = (await loadFormatter("json"))!(results, options);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      const report = JSON.parse(text) as { schemaVersion: number; files: { file: string; forms: unknown[] }[]; totals: { forms: number } };
      expect(report.schemaVersion).toBe(JSON_SCHEMA_VERSION);
      expect(report.files.map((f) => f.file)).toEqual([...new Set(results.map((r) => r.file))]);
      expect(report.totals.forms).toBe(results.filter((r) => !("fatal" in r)).length);
    }
  });

  it("lean findings give the same stylish, csv and summary reports as full ones", async () => {
    const full = sets.mixed!;
    const lean = full.map((r) => ("fatal" in r ? r : { ...r, findings: r.findings.map(reportFinding) }));
    for (const name of ["stylish", "csv", "summary"]) {
      const format = (await loadFormatter(name))!;
      expect(format(lean, { lang: "zh" })).toBe(format(full, { lang: "zh" }));
    }
  });
});
