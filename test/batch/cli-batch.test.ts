import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formBytes } from "../../bench/forms.js";
import { loadFormYaml } from "../../src/model/yaml.js";
import { runCli } from "./run-cli-io.js";
import { parseReport } from "../report/json-report.js";

let dir: string;
const put = (rel: string, data: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), data);
};

/** Every file below a folder, relative, sorted. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-batch-cli-"));
  put("in/教育局/a.txt", formBytes("txt", 1));
  put("in/教育局/b.docx", formBytes("docx", 2));
  put("in/教育局/~$b.docx", "lock");
  put("in/卫健局/c.pipes.txt", formBytes("pipes", 3));
  put("in/卫健局/d.doc", formBytes("doc", 4));
  put("in/卫健局/.hidden.txt", formBytes("txt", 5));
  put("in/卫健局/notes.png", "%PDF-1.4");
  put("in/卫健局/broken.docx", formBytes("docx", 6).slice(0, 2000));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("parse over folders", () => {
  it("mirrors the folders into --out-dir, skips and counts what it does not read, one line per broken file", async () => {
    const r = await runCli(["parse", "in", "--out-dir", "out1", "--jobs", "1"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(listFiles(path.join(dir, "out1"))).toEqual(["卫健局/c.pipes.yaml", "卫健局/d.yaml", "教育局/a.yaml", "教育局/b.yaml"]);
    const yaml = readFileSync(path.join(dir, "out1/教育局/b.yaml"), "utf8");
    expect(loadFormYaml(yaml).form.project.department?.name).toBe("衡东县卫健局");
    const lines = r.stderr.trim().split("\n");
    expect(lines.filter((l) => l.includes("broken.docx"))).toHaveLength(1);
    expect(lines.find((l) => l.includes("broken.docx"))).toMatch(/^perfgoal: in\/卫健局\/broken\.docx: .+ \[PG-E-[A-Z-]+\]$/);
    expect(lines.at(-1)).toBe("perfgoal: 共 5 个文件，成功 4，失败 1，跳过 3（Word 锁文件 1，隐藏文件 1，不支持的类型 1）");
  }, 60_000);

  it("gives the same outputs and messages with worker threads", async () => {
    const one = await runCli(["parse", "in", "--out-dir", "out-j1", "--jobs", "1"], { cwd: dir });
    const two = await runCli(["parse", "in", "--out-dir", "out-j2", "--jobs", "2"], { cwd: dir });
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr);
    const files = listFiles(path.join(dir, "out-j1"));
    expect(listFiles(path.join(dir, "out-j2"))).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(dir, "out-j2", f), "utf8")).toBe(readFileSync(path.join(dir, "out-j1", f), "utf8"));
  }, 60_000);

  it("streams a YAML stream to stdout in path order; takes globs", async () => {
    const r = await runCli(["parse", "in/**/*.txt", "--jobs", "2"], { cwd: dir });
    expect(r.code).toBe(0);
    const docs = r.stdout.split(/^---\n/m);
    expect(docs).toHaveLength(2);
    // 教育局 (jiào) sorts before 卫健局 (wèi), as a file manager lists them, whichever worker finished first.
    expect(docs.map((d) => loadFormYaml(d).form.project.name)).toEqual(["衡东县教育局项目支出00001", "衡东县财政局项目支出00003"]);
  }, 60_000);

  it("never writes over an input, even when --out-dir is the input folder", async () => {
    put("yin/form.yaml", readFileSync(path.join(dir, "out1/教育局/a.yaml")));
    const before = readFileSync(path.join(dir, "yin/form.yaml"), "utf8");
    const r = await runCli(["parse", "yin", "--out-dir", "yin", "--force", "--jobs", "1"], { cwd: dir });
    // An output that is an input is a usage error, like in every command.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[PG-E-SAME-AS-INPUT]");
    expect(readFileSync(path.join(dir, "yin/form.yaml"), "utf8")).toBe(before);
  });

  it("says when a path does not exist (exit 2)", async () => {
    const r = await runCli(["parse", "nope/", "--jobs", "1"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope/");
  });
});

describe("interrupting a batch", () => {
  it("stops taking files on Ctrl-C, keeps what is written whole, leaves no temporary file, exits 130 with a summary", async () => {
    for (let i = 0; i < 30; i++) put(`many/f${String(i).padStart(2, "0")}.txt`, formBytes("txt", i));
    const controller = new AbortController();
    let seen = 0;
    const out = path.join(dir, "out-int2");
    const watcher = setInterval(() => {
      seen = listFiles(out).length;
      if (seen >= 2) controller.abort();
    }, 5);
    const r2 = await runCli(["parse", "many", "--out-dir", "out-int2", "--jobs", "1"], { cwd: dir, signal: controller.signal });
    clearInterval(watcher);
    expect(r2.code).toBe(130);
    expect(r2.stderr).toMatch(/已中断：处理了 \d+\/30 个文件/);
    const written = listFiles(out);
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThan(30);
    expect(written.every((f) => f.endsWith(".yaml"))).toBe(true);
    for (const f of written) expect(() => loadFormYaml(readFileSync(path.join(out, f), "utf8"))).not.toThrow();
  }, 60_000);
});

describe("interrupting validate", () => {
  const many = () => {
    for (let i = 0; i < 30; i++) put(`vmany/f${String(i).padStart(2, "0")}.txt`, formBytes("txt", i));
  };

  it("-o: no report and no temporary file are left, exit 130", async () => {
    many();
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (readdirSync(dir).some((f) => f.startsWith(".pg-") && f.endsWith(".tmp"))) controller.abort();
    }, 2);
    const r = await runCli(["validate", "vmany", "-f", "json", "-o", "report.json", "--jobs", "1"], { cwd: dir, signal: controller.signal });
    clearInterval(watcher);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir).filter((f) => f.includes("report.json") || f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it("stdout: the reports already written are closed into one valid JSON document", async () => {
    many();
    const controller = new AbortController();
    const r = await runCli(["validate", "vmany", "-f", "json", "--jobs", "1"], { cwd: dir, signal: controller.signal, onStdout: () => controller.abort() });
    expect(r.code).toBe(130);
    const report = parseReport(r.stdout) as { results: unknown[] };
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.length).toBeLessThan(30);
  }, 60_000);

  it("streams the same report with workers, in order, as the whole report in one thread", async () => {
    many();
    for (const format of ["stylish", "json", "csv", "summary"]) {
      const one = await runCli(["validate", "vmany", "-f", format, "--jobs", "1"], { cwd: dir });
      const two = await runCli(["validate", "vmany", "-f", format, "--jobs", "2"], { cwd: dir });
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    }
  }, 120_000);
});

describe("progress bar", () => {
  it("draws on a terminal, and clears itself at the end", async () => {
    const r = await runCli(["parse", "in", "--out-dir", "out-tty", "--jobs", "1"], { cwd: dir, stderrIsTTY: true });
    expect(r.stderr).toContain("\r\x1b[2K[");
    expect(r.stderr).toMatch(/\d+\/5 {2}[\d.]+ 个\/秒 {2}剩余/);
    // The bar is erased before the summary line.
    expect(r.stderr).toMatch(/\r\x1b\[2Kperfgoal: 共 5 个文件/);
  }, 60_000);

  it("draws nothing with --quiet or when stderr is not a terminal", async () => {
    const quiet = await runCli(["parse", "in", "--out-dir", "out-q", "--jobs", "1", "--quiet"], { cwd: dir, stderrIsTTY: true });
    expect(quiet.stderr).not.toContain("\x1b[");
    const pipe = await runCli(["parse", "in", "--out-dir", "out-p", "--jobs", "1"], { cwd: dir });
    expect(pipe.stderr).not.toContain("\x1b[");
  }, 60_000);
});

describe("validate and render over folders", () => {
  it("validate writes the 汇总表 and the HTML report", async () => {
    const r = await runCli(["validate", "in", "--jobs", "2", "-f", "html", "-o", "report.html", "--summary", "summary.csv"], { cwd: dir });
    expect(r.code).toBe(1);
    const csv = readFileSync(path.join(dir, "summary.csv"), "utf8");
    expect(csv.startsWith("\uFEFF文件,")).toBe(true);
    // A row per file received (five read, three passed over), and the 合计.
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 5 + 3 + 1);
    expect(csv).toContain("in/卫健局/broken.docx");
    expect(csv).toContain("in/卫健局/notes.png,不支持,");
    expect(csv).toContain("in/教育局/~$b.docx,跳过,");
    const html = readFileSync(path.join(dir, "report.html"), "utf8");
    expect((html.match(/<tbody class="form /g) ?? []).length).toBe(5);
    expect(html).toContain("衡东县教育局");
    // The review was spooled to a temporary file, and that file is gone.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`perfgoal-review-${process.pid}-`))).toEqual([]);
  }, 60_000);

  it("render mirrors the folders into --out-dir as .docx", async () => {
    const r = await runCli(["render", "in", "--out-dir", "rendered", "--jobs", "2"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(listFiles(path.join(dir, "rendered"))).toEqual(["卫健局/c.pipes.docx", "卫健局/d.docx", "教育局/a.docx", "教育局/b.docx"]);
  }, 60_000);
});
