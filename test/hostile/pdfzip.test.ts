/**
 * Hostile PDFs and submission archives through the built CLI (workers with the per-file time and
 * memory limits): each gives one clear line naming the file or the entry, no stack trace, within
 * the limits; the good form beside them is still reviewed. Peak memory and time are printed.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DIR } from "./bytes.js";
import { builtCli, runBuilt, type ChildRun } from "./built-cli.js";
import { PDFZIP_CASES } from "./cases-pdfzip.js";
import { changes, expectNoStack, linesNaming, snapshot, tempDir } from "./harness.js";
import { parseReport } from "../report/json-report.js";

const HANG_GUARD_MS = 90_000;
const MEMORY_LIMIT_MIB = 500;
let root: string;
let before: Map<string, string>;

beforeAll(async () => {
  builtCli();
  root = tempDir("pdfzip");
  mkdirSync(path.join(root, "in"));
  for (const c of PDFZIP_CASES) writeFileSync(path.join(root, "in", c.file), await c.build());
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(root, "in", "好的 表单.txt"));
  before = snapshot(path.join(root, "in"));
}, 120_000);

afterAll(() => {
  expect(changes(before, snapshot(path.join(root, "in")))).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

function withinLimits(run: ChildRun, what: string): void {
  console.info(`${what}: exit ${run.code}, ${run.ms} ms, peak ${run.peakMiB.toFixed(0)} MiB`);
  expect(run.killed, `${what} still running after ${HANG_GUARD_MS} ms`).toBe(false);
  expect(run.peakMiB, `${what}: peak ${run.peakMiB.toFixed(0)} MiB`).toBeLessThan(MEMORY_LIMIT_MIB);
  expectNoStack(run.stderr);
}

/** The one refusal line for `name`, with one of the codes. */
function refusal(stderr: string, name: string, codes: readonly string[]): string {
  const lines = linesNaming(stderr, name).filter((l) => /\[PG-E-[A-Z-]+\]$/.test(l) && l.startsWith(`perfgoal: ${name}: `));
  expect(lines, `one line for ${name} in:\n${stderr}`).toHaveLength(1);
  const code = /\[(PG-E-[A-Z-]+)\]$/.exec(lines[0]!)![1]!;
  expect(codes, lines[0]).toContain(code);
  return lines[0]!;
}

describe("hostile PDFs and archives, one at a time", () => {
  it.each(PDFZIP_CASES.map((c) => [c.why, c] as const))("%s", async (_why, c) => {
    const run = await runBuilt(["validate", `in/${c.file}`, "-f", "json", "--no-config"], { cwd: root, hangGuardMs: HANG_GUARD_MS });
    withinLimits(run, c.file);
    expect(run.code, run.stderr).toBe(1);
    for (const r of c.refused) refusal(run.stderr, `in/${r.name}`, r.codes);
    const report = parseReport(run.stdout) as { results: { file: string; fatal?: { code: string } }[] };
    for (const r of c.refused) expect(r.codes).toContain(report.results.find((x) => x.file === `in/${r.name}`)?.fatal?.code);
  });

  it("says it in English with --lang en", async () => {
    const run = await runBuilt(["validate", "in/五百页.pdf", "--lang", "en", "--no-config"], { cwd: root, hangGuardMs: HANG_GUARD_MS });
    const line = refusal(run.stderr, "in/五百页.pdf", ["PG-E-TOO-LARGE"]);
    expect(line).toBe("perfgoal: in/五百页.pdf: file exceeds the size limit: the PDF has 500 pages, more than the limit of 50 [PG-E-TOO-LARGE]");
  });
});

describe("hostile PDFs and archives in one batch", () => {
  it("every one refused on its own line, the good form still reviewed", async () => {
    const run = await runBuilt(["validate", "in", "-f", "json", "--no-config", "--jobs", "2"], { cwd: root, hangGuardMs: 3 * HANG_GUARD_MS });
    withinLimits(run, "batch");
    for (const c of PDFZIP_CASES) for (const r of c.refused) refusal(run.stderr, `in/${r.name}`, r.codes);
    const report = parseReport(run.stdout) as { results: { file: string; findings?: unknown[] }[] };
    expect(report.results.find((r) => r.file === "in/好的 表单.txt")?.findings).toBeDefined();
    expect(run.code).toBe(1);
  });
});
