/** A JSON file of the model (what a script or another tool writes) is read as its YAML is. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { parseFile } from "../../src/parse/index.js";
import { runCli } from "../cli/run-cli.js";
import { parseReport } from "../report/json-report.js";

const SEED_YAML = path.resolve(import.meta.dirname, "../../examples/hengdong-2023.yaml");

describe("JSON of the model", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "perfgoal-json-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const form = loadFormsYaml(readFileSync(SEED_YAML, "utf8"))[0]!.form;
  const json = JSON.stringify(form, null, 2);

  it("parses to the same form as the YAML, by name or by content", async () => {
    for (const name of ["seed.json", "seed-json.txt"]) {
      const file = path.join(dir, name);
      writeFileSync(file, json);
      const read = await parseFile(file);
      expect(read.format, name).toBe("yaml");
      expect({ ...read.forms[0]!.form, source: undefined }).toEqual({ ...form, source: undefined });
    }
  });

  it("validates with the same findings as the YAML", async () => {
    writeFileSync(path.join(dir, "seed.json"), json);
    const findings = async (file: string) => {
      const r = await runCli(["validate", file, "-f", "json", "--no-config", "-j", "1"], { cwd: dir });
      const report = parseReport(r.stdout) as { results: { findings: { ruleId: string; messageId: string; path?: string }[] }[] };
      return report.results[0]!.findings.map((f) => `${f.ruleId}/${f.messageId}@${f.path ?? ""}`).sort();
    };
    const fromJson = await findings("seed.json");
    expect(fromJson.length).toBeGreaterThan(20);
    expect(fromJson).toEqual(await findings(SEED_YAML));
  });
});
