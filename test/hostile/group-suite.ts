/**
 * The contract, checked for every case of a group (run in-process, one thread):
 * - parse: exit 1 and one line `perfgoal: <name>: <reason>… [CODE]` (Chinese; English with
 *   --lang en), no stack trace, no output file and no temporary file; or, for an odd but readable
 *   file, exit 0, a complete YAML output and a warning at most;
 * - a batch over the group's folder plus a good form: every other file is still processed and
 *   reported, validate's json/csv/summary carry each refused file's code;
 * - inputs unchanged (hashes), nothing written outside the output folder.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { indicatorEntries } from "../../src/model/form.js";
import { parseFile } from "../../src/parse/index.js";
import { EXAMPLES_DIR } from "./bytes.js";
import { changes, expectNoStack, expectRefusalLine, filesBelow, linesNaming, runCli, snapshot, tempDir } from "./harness.js";
import { skipReasonForName } from "../../src/batch/expand.js";
import { casesOf, writeCases, type Group, type HostileCase } from "./make-cases.js";
import { parseReport } from "../report/json-report.js";

/** A good form that sits beside the bad ones in every batch. */
export const GOOD_NAME = "好的 表单.txt";

export function describeGroup(group: Group, title: string): void {
  const light = casesOf(group).filter((c) => !c.heavy);
  let root: string;
  let inputs: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    root = tempDir(group);
    inputs = path.join(root, "in");
    mkdirSync(inputs);
    await writeCases(inputs, [group]);
    // The heavy cases of the group are checked in limits.test.ts (child process, memory measured).
    for (const c of casesOf(group).filter((c) => c.heavy)) rmSync(path.join(inputs, group, c.file));
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(inputs, group, GOOD_NAME));
    before = snapshot(inputs);
  });

  afterAll(() => {
    // Inputs are never modified, nothing is written beside them, and nothing but output folders appears.
    expect(changes(before, snapshot(inputs))).toEqual([]);
    expect(readdirSync(root).filter((f) => f !== "in" && !f.startsWith("out-"))).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });

  const rel = (c: HostileCase) => `in/${group}/${c.file}`;

  describe(`${title}: one file at a time`, () => {
    it.each(light.map((c) => [c.why, c] as const))("%s", async (_why, c) => {
      const out = path.join(root, `out-${light.indexOf(c)}`);
      const run = await runCli(["parse", rel(c), "--out-dir", out, "-j", "1"], { cwd: root });
      expectNoStack(run.stderr);
      if ("refused" in c.expect) {
        expect(run.code, run.stderr).toBe(1);
        expectRefusalLine(run.stderr, rel(c), c.expect.refused);
        expect(run.stdout).toBe("");
        expect(filesBelow(out)).toEqual([]);
      } else {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toMatch(/\[PG-E-/);
        const written = filesBelow(out);
        expect(written).toHaveLength(1);
        const forms = loadFormsYaml(readFileSync(path.join(out, written[0]!), "utf8"));
        expect(forms.length).toBeGreaterThan(0);
        expect(indicatorEntries(forms[0]!.form).length).toBeGreaterThan(0);
        if (c.expect.sameAs) {
          // Read exactly like the seed it was made from (where it came from aside).
          const same = (r: Awaited<ReturnType<typeof parseFile>>) => r.forms.map((f) => ({ ...f.form, source: undefined }));
          expect(same(await parseFile(path.join(inputs, group, c.file)))).toEqual(same(await parseFile(path.join(EXAMPLES_DIR, c.expect.sameAs))));
        }
        const remarks = linesNaming(run.stderr, rel(c));
        if (c.expect.warning) {
          expect(remarks.length, run.stderr).toBeGreaterThan(0);
          expect(remarks.join("\n")).toMatch(c.expect.warning);
        }
      }
    });

    const refused = light.filter((c) => "refused" in c.expect);
    if (refused.length > 0) {
      it("says the same in English with --lang en", async () => {
        for (const c of refused) {
          const run = await runCli(["parse", rel(c), "--lang", "en", "-j", "1"], { cwd: root });
          expect(run.code).toBe(1);
          const line = expectRefusalLine(run.stderr, rel(c), (c.expect as { refused: never }).refused, "en");
          // Reason and detail in English; only the file name may be Chinese.
          expect(line.slice(`perfgoal: ${rel(c)}: `.length)).not.toMatch(/\p{Script=Han}/u);
        }
      });
    }
  });

  describe(`${title}: in a batch`, () => {
    // A folder walk reads form files only (a .pdf there is skipped and counted, not refused).
    const walked = light.filter((c) => skipReasonForName(c.file) === undefined);
    const skipped = light.length - walked.length;

    it("parse over the folder: one line per refused file, every other file still written", async () => {
      const out = path.join(root, "out-batch");
      const run = await runCli(["parse", `in/${group}`, "--out-dir", out, "-j", "1"], { cwd: root });
      expectNoStack(run.stderr);
      const refused = walked.filter((c) => "refused" in c.expect);
      expect(run.code).toBe(refused.length > 0 ? 1 : 0);
      for (const c of refused) expectRefusalLine(run.stderr, rel(c), (c.expect as { refused: never }).refused);
      const written = filesBelow(out);
      expect(written.filter((f) => f.endsWith(".tmp"))).toEqual([]);
      const readable = walked.filter((c) => !("refused" in c.expect));
      const expected = [GOOD_NAME, ...readable.map((c) => c.file)].map((f) => f.replace(/\.[^.]+$/, ".yaml")).sort();
      expect(written).toEqual(expected);
      const skipText = skipped > 0 ? `，跳过 ${skipped}` : "";
      expect(run.stderr).toContain(`共 ${walked.length + 1} 个文件，成功 ${readable.length + 1}，失败 ${refused.length}${skipText}`);
    });

    it("validate reports each refused file with its code in json, csv and summary", async () => {
      const refused = walked.filter((c) => "refused" in c.expect);
      const json = await runCli(["validate", `in/${group}`, "-f", "json", "-j", "1", "--no-config"], { cwd: root });
      expectNoStack(json.stderr);
      const report = parseReport(json.stdout) as { results: { file: string; fatal?: { code: string }; findings?: unknown[] }[] };
      for (const c of refused) {
        const r = report.results.find((x) => x.file === rel(c));
        expect(r?.fatal?.code, rel(c)).toBe((c.expect as { refused: string }).refused);
        expectRefusalLine(json.stderr, rel(c), (c.expect as { refused: never }).refused);
      }
      // The good form and the readable odd ones were reviewed, not dropped.
      for (const name of [GOOD_NAME, ...walked.filter((c) => !("refused" in c.expect)).map((c) => c.file)]) {
        const r = report.results.find((x) => x.file === `in/${group}/${name}`);
        expect(r && "findings" in r, name).toBe(true);
      }
      if (refused.length > 0) expect(json.code).toBe(1);

      const csv = await runCli(["validate", `in/${group}`, "-f", "csv", "-j", "1", "--no-config"], { cwd: root });
      const summary = await runCli(["validate", `in/${group}`, "-f", "summary", "-j", "1", "--no-config"], { cwd: root });
      for (const c of refused) {
        const code = (c.expect as { refused: string }).refused;
        const csvRow = csv.stdout.split(/\r?\n/).filter((l) => l.startsWith(`${rel(c)},`) || l.startsWith(`"${rel(c)}",`));
        expect(csvRow, `${c.file} in csv`).toHaveLength(1);
        expect(csvRow[0]!.split(",")).toContain(code);
        const summaryRow = summary.stdout.split("\n").filter((l) => l.startsWith(`${rel(c)}  `));
        expect(summaryRow, `${c.file} in summary`).toHaveLength(1);
        expect(summaryRow[0]!.endsWith(code)).toBe(true);
      }
    });
  });
}
