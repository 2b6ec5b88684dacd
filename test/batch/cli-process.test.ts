/**
 * The built CLI as a child process: the worker threads from dist/, and Ctrl-C (a real SIGINT)
 * in the middle of a batch.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formBytes } from "../../bench/forms.js";
import { loadFormYaml } from "../../src/model/yaml.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin/perfgoal.js");
let dir: string;

function allFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

beforeAll(async () => {
  // Build dist/ (type errors elsewhere in a work tree do not stop tsc from emitting).
  await new Promise<void>((resolve) => execFile(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT }, () => resolve()));
  if (!existsSync(path.join(ROOT, "dist/batch/worker.js"))) throw new Error("build did not produce dist/batch/worker.js");
  dir = mkdtempSync(path.join(tmpdir(), "pg-batch-process-"));
  for (let i = 0; i < 12; i++) {
    mkdirSync(path.join(dir, "small", `d${i % 3}`), { recursive: true });
    writeFileSync(path.join(dir, "small", `d${i % 3}`, `f${String(i).padStart(2, "0")}.${i % 2 ? "docx" : "txt"}`), formBytes(i % 2 ? "docx" : "txt", i));
  }
  writeFileSync(path.join(dir, "small/d1/坏.docx"), formBytes("docx", 99).slice(0, 1500));
  mkdirSync(path.join(dir, "many"));
  for (let i = 0; i < 600; i++) writeFileSync(path.join(dir, "many", `f${String(i).padStart(3, "0")}.txt`), formBytes("txt", i));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the built CLI over a folder", () => {
  it("validates with two worker threads: every form in path order, one line for the broken file", async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, "validate", "small", "--jobs", "2", "-f", "summary"], { cwd: dir }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });
    expect(code).toBe(1);
    // The summary format lists the forms first, then the unreadable files.
    const rows = stdout.split("\n").filter((l) => /^small\//.test(l) && !l.includes("坏.docx"));
    const expected = allFiles(path.join(dir, "small"))
      .map((f) => path.relative(dir, f))
      .filter((f) => !f.includes("坏"))
      .sort((a, b) => (a < b ? -1 : 1));
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(expected);
    expect(stderr.split("\n").filter((l) => l.includes("坏.docx"))).toHaveLength(1);
    expect(stderr).toContain("perfgoal: 共 13 个文件，成功 12，失败 1");
  }, 120_000);

  it("starts its workers when node itself was given V8 or process-wide options", async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--max-old-space-size=1024", "--v8-pool-size=2", BIN, "validate", "small", "--jobs", "2", "-f", "summary"], { cwd: dir }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });
    expect(stderr).not.toContain("PG-E-INTERNAL");
    expect(code).toBe(1);
    expect(stdout.split("\n").filter((l) => /^small\//.test(l) && !l.includes("坏.docx"))).toHaveLength(12);
    expect(stderr).toContain("perfgoal: 共 13 个文件，成功 12，失败 1");
  }, 120_000);

  it("stops cleanly on SIGINT: exit 130, a summary, whole outputs only, no temporary files", async () => {
    const out = path.join(dir, "out");
    const child = spawn(process.execPath, [BIN, "parse", "many", "--out-dir", out, "--jobs", "2"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setInterval(() => {
      if (allFiles(out).length >= 5) {
        clearInterval(timer);
        child.kill("SIGINT");
      }
    }, 10);
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    clearInterval(timer);
    expect(code).toBe(130);
    expect(stderr).toMatch(/已中断：处理了 \d+\/600 个文件/);
    const written = allFiles(out);
    expect(written.length).toBeGreaterThanOrEqual(5);
    expect(written.length).toBeLessThan(600);
    expect(written.filter((f) => !f.endsWith(".yaml"))).toEqual([]);
    for (const f of written) expect(loadFormYaml(readFileSync(f, "utf8")).form.project.name).toMatch(/项目支出/);
  }, 120_000);
});
