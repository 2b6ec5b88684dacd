/**
 * The dangerous cases (zip bombs, deep nesting, 20 MB lines, megabyte cells) through the built
 * CLI as a child process, with the process's peak memory measured: each ends on its own, within
 * 500 MB, with the right answer. The wall clock is only reported; a generous kill switch guards
 * against a hang and is not a speed assertion.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { indicatorEntries } from "../../src/model/form.js";
import { openZip } from "../../src/parse/docx/zip.js";
import { parseFile } from "../../src/parse/index.js";
import { EXAMPLES_DIR } from "./bytes.js";
import { builtCli, runBuilt, type ChildRun } from "./built-cli.js";
import { changes, expectNoStack, expectRefusalLine, filesBelow, linesNaming, snapshot, tempDir } from "./harness.js";
import { CASES, writeCases, type HostileCase } from "./make-cases.js";
import { parseReport } from "../report/json-report.js";

const MEMORY_LIMIT_MIB = 500;
const HANG_GUARD_MS = 90_000;
const heavy = CASES.filter((c) => c.heavy);

let root: string;
let before: Map<string, string>;
const rel = (c: HostileCase) => `in/${c.group}/${c.file}`;

beforeAll(async () => {
  builtCli();
  root = tempDir("limits");
  const inputs = path.join(root, "in");
  mkdirSync(inputs);
  await writeCases(inputs);
  for (const c of CASES.filter((c) => !c.heavy)) rmSync(path.join(inputs, c.group, c.file));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.docx"), path.join(inputs, "好的 表单.docx"));
  before = snapshot(inputs);
}, 120_000);

afterAll(() => {
  expect(changes(before, snapshot(path.join(root, "in")))).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

function withinLimits(run: ChildRun, what: string): void {
  // Reported for the record (CI logs), never compared with a time limit.
  console.info(`${what}: exit ${run.code}, ${run.ms} ms, peak ${run.peakMiB.toFixed(0)} MiB`);
  expect(run.killed, `${what} was still running after ${HANG_GUARD_MS} ms`).toBe(false);
  expect(run.peakMiB, `${what}: peak memory ${run.peakMiB.toFixed(0)} MiB`).toBeLessThan(MEMORY_LIMIT_MIB);
  expectNoStack(run.stderr);
}

describe("dangerous inputs through the built CLI", () => {
  it.each(heavy.map((c) => [c.why, c] as const))("parse: %s", async (_why, c) => {
    const out = path.join(root, `out-parse-${heavy.indexOf(c)}`);
    const run = await runBuilt(["parse", rel(c), "--out-dir", out], { cwd: root, hangGuardMs: HANG_GUARD_MS });
    withinLimits(run, `parse ${c.file}`);
    if ("refused" in c.expect) {
      expect(run.code, run.stderr).toBe(1);
      expectRefusalLine(run.stderr, rel(c), c.expect.refused);
      expect(filesBelow(out)).toEqual([]);
    } else {
      expect(run.code, run.stderr).toBe(0);
      const written = filesBelow(out);
      expect(written).toHaveLength(1);
      const forms = loadFormsYaml(readFileSync(path.join(out, written[0]!), "utf8"));
      expect(indicatorEntries(forms[0]!.form).length).toBeGreaterThan(0);
      if (c.expect.warning) expect(linesNaming(run.stderr, rel(c)).join("\n")).toMatch(c.expect.warning);
      if (c.expect.sameAs) {
        const same = (r: Awaited<ReturnType<typeof parseFile>>) => r.forms.map((f) => ({ ...f.form, source: undefined }));
        expect(same(await parseFile(path.join(root, rel(c))))).toEqual(same(await parseFile(path.join(EXAMPLES_DIR, c.expect.sameAs))));
      }
    }
  });

  const readable = heavy.filter((c) => !("refused" in c.expect));
  it.each(readable.map((c) => [c.why, c] as const))("validate and render: %s", async (_why, c) => {
    const validate = await runBuilt(["validate", rel(c), "-f", "json", "--no-config"], { cwd: root, hangGuardMs: HANG_GUARD_MS });
    withinLimits(validate, `validate ${c.file}`);
    expect([0, 1]).toContain(validate.code);
    const report = parseReport(validate.stdout) as { results: { file: string; findings?: unknown[]; fatal?: unknown }[] };
    expect(report.results.filter((r) => r.file === rel(c) && r.findings)).not.toHaveLength(0);

    const out = path.join(root, `out-render-${readable.indexOf(c)}`);
    const render = await runBuilt(["render", rel(c), "--out-dir", out], { cwd: root, hangGuardMs: HANG_GUARD_MS });
    withinLimits(render, `render ${c.file}`);
    expect(render.code, render.stderr).toBe(0);
    const written = filesBelow(out);
    expect(written.length).toBeGreaterThan(0);
    for (const f of written) expect(openZip(new Uint8Array(readFileSync(path.join(out, f)))).entries.size).toBeGreaterThan(0);
  });

  it("a batch of all of them with two workers: every file reported, the good form written", async () => {
    const out = path.join(root, "out-batch");
    const run = await runBuilt(["parse", "in", "--out-dir", out, "--jobs", "2"], { cwd: root, hangGuardMs: 3 * HANG_GUARD_MS });
    expect(run.killed).toBe(false);
    expectNoStack(run.stderr);
    expect(run.code).toBe(1);
    for (const c of heavy) if ("refused" in c.expect) expectRefusalLine(run.stderr, rel(c), c.expect.refused);
    const written = filesBelow(out);
    expect(written).toContain("好的 表单.yaml");
    for (const c of readable) expect(written).toContain(`${c.group}/${c.file.replace(/\.[^.]+$/, ".yaml")}`);
    expect(written.filter((f) => !f.endsWith(".yaml"))).toEqual([]);
    const refused = heavy.length - readable.length;
    expect(run.stderr).toContain(`共 ${heavy.length + 1} 个文件，成功 ${readable.length + 1}，失败 ${refused}`);
  });
});
