/** The benchmark runs end to end (tiny N): every figure measured, written as JSON. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = mkdtempSync(path.join(tmpdir(), "pg-bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run bench", () => {
  it("measures parse, validate and render at --jobs 1 and 2, the floor and the cold start", async () => {
    const out = path.join(dir, "figures.json");
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "bench/run.ts", "--n", "6", "--sets", "docx", "--out", out], { cwd: ROOT, timeout: 240_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
      ),
    );
    expect(stdout).toContain("floor (unzip + scan)");
    expect(stdout).toContain("floor, saxes (reference)");
    const figures = JSON.parse(readFileSync(out, "utf8")) as {
      sets: { docx: { floorMsPerForm: number; floorSaxesReferenceMsPerForm: number; runs: { command: string; jobs: number; formsPerSec: number; ratioToFloor: number; peakRssMb: number; exitCode: number }[] } };
      coldStartMs: number;
      targets: { lines: string[] };
    };
    const runs = figures.sets.docx.runs;
    expect(runs.map((r) => `${r.command}/${r.jobs}`)).toEqual(["parse/1", "parse/2", "validate/1", "validate/2", "render/1", "render/2"]);
    for (const r of runs) {
      expect(r.formsPerSec).toBeGreaterThan(0);
      expect(r.ratioToFloor).toBeGreaterThan(0);
      expect(r.peakRssMb).toBeGreaterThan(10);
      // validate exits 1: the seed's findings include errors.
      expect(r.exitCode).toBe(r.command === "validate" ? 1 : 0);
    }
    expect(figures.sets.docx.floorMsPerForm).toBeGreaterThan(0);
    expect(figures.sets.docx.floorSaxesReferenceMsPerForm).toBeGreaterThan(0);
    expect(figures.coldStartMs).toBeGreaterThan(0);
    expect(figures.targets.lines.length).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
