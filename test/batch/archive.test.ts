/**
 * Zip archives of submissions, read in place: named on the command line or met in a folder, each
 * form entry is reviewed as `部门A.zip!/…`, in its own worker; nothing is extracted to disk.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparePaths, expandInputs } from "../../src/batch/expand.js";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { runCli } from "../cli/run-cli.js";
import { EXAMPLES, makeZip, submissionZip } from "../fixtures/make-zip-fixtures.js";
import { parseReport } from "../report/json-report.js";

let dir: string;
const FORMS = ["项目1 政府办.docx", "项目2 旧版.doc", "项目3 文本.txt", "项目4 网页复制.txt", "项目5 扫描前.pdf"].map((n) => `部门A.zip!/部门A/${n}`);
const NESTED = "部门A.zip!/部门A/补充材料.zip!/补充/项目6 补报.docx";
const BROKEN = "部门A.zip!/部门A/损坏.docx";

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pg-archive-"));
  writeFileSync(path.join(dir, "部门A.zip"), submissionZip());
  mkdirSync(path.join(dir, "收件"));
  writeFileSync(path.join(dir, "收件/部门A.zip"), submissionZip());
  copyFileSync(path.join(EXAMPLES, "hengdong-2023.txt"), path.join(dir, "收件/单独.txt"));
  // A Word document that was renamed .zip: read as the document it is.
  copyFileSync(path.join(EXAMPLES, "hengdong-2023.docx"), path.join(dir, "改名.zip"));
  const doc = new Uint8Array(readFileSync(path.join(EXAMPLES, "hengdong-2023.txt")));
  writeFileSync(path.join(dir, "逃逸.zip"), makeZip([{ name: "../../逃逸.txt", data: doc }, { name: "/etc/绝对.txt", data: doc }, { name: "C:\\盘符.txt", data: doc }]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zip archives in a batch", () => {
  it("lists each form entry by its GBK name, an archive inside it one level down, other types skipped", async () => {
    const r = await expandInputs(["部门A.zip"], dir);
    expect(r.files.map((f) => f.file)).toEqual([...FORMS, BROKEN, NESTED].sort(comparePaths));
    expect(r.skipped).toEqual([{ file: "部门A.zip!/部门A/说明.png", reason: "unsupported" }]);
    expect(r.files.every((f) => f.archive?.container === "部门A.zip")).toBe(true);
  });

  it("validate 部门A.zip: every form reviewed, the broken entry one line, nothing written", async () => {
    const before = listFiles(dir);
    const run = await runCli(["validate", "部门A.zip", "-f", "json", "--no-config", "-j", "2"], { cwd: dir });
    const report = parseReport(run.stdout) as { results: { file: string; fatal?: { code: string }; findings?: unknown[] }[] };
    for (const name of [...FORMS, NESTED]) expect(report.results.find((r) => r.file === name)?.findings, name).toBeDefined();
    expect(report.results.find((r) => r.file === BROKEN)?.fatal?.code).toBe("PG-E-CORRUPT");
    const lines = run.stderr.split("\n").filter((l) => l.includes("[PG-E-"));
    expect(lines).toEqual([`perfgoal: ${BROKEN}: 文件已损坏：zip 条目 部门A/损坏.docx 校验和不符（打包后被改动或已损坏） [PG-E-CORRUPT]`]);
    expect(run.stderr).toContain("共 7 个文件，成功 6，失败 1，跳过 1（不支持的类型 1）");
    expect(run.code).toBe(1);
    expect(listFiles(dir)).toEqual(before);
  });

  it("each entry parses to the same form as the file it holds (only the source differs)", async () => {
    const out = path.join(dir, "out-parse");
    const run = await runCli(["parse", "部门A.zip", "--out-dir", out, "-j", "1"], { cwd: dir });
    expect(run.code).toBe(1);
    const written = listFiles(out);
    expect(written).toHaveLength(6);
    const seed = loadFormsYaml(readFileSync(path.join(EXAMPLES, "hengdong-2023.yaml"), "utf8"))[0]!.form;
    for (const f of written) {
      const form = loadFormsYaml(readFileSync(path.join(out, f), "utf8"))[0]!.form;
      expect(form.project.name, f).toBe(seed.project.name);
      expect(form.indicators, f).toEqual(seed.indicators);
      // The entry's own name, not the archive's.
      expect(form.source?.file, f).toBe(path.basename(f).replace(/\.yaml$/, path.extname(FORMS.concat(NESTED).find((n) => n.includes(path.basename(f, ".yaml")))!)));
    }
  });

  it("a .zip met in a folder is read in place, beside the folder's own forms", async () => {
    const run = await runCli(["validate", "收件", "-f", "summary", "--no-config", "-j", "1"], { cwd: dir });
    expect(run.stdout).toContain("收件/部门A.zip!/部门A/项目5 扫描前.pdf");
    expect(run.stdout).toContain("收件/单独.txt");
    expect(run.stderr).toContain("共 8 个文件，成功 7，失败 1");
  });

  it("a Word document renamed .zip is read as the document", async () => {
    const run = await runCli(["validate", "改名.zip", "-f", "json", "--no-config", "-j", "1"], { cwd: dir });
    const report = parseReport(run.stdout) as { results: { file: string; findings?: unknown[] }[] };
    expect(report.results.map((r) => r.file)).toEqual(["改名.zip"]);
    expect(report.results[0]!.findings).toBeDefined();
  });

  it("names that lead out of the archive are shown written out, and outputs stay in the output folder", async () => {
    const out = path.join(dir, "out-slip");
    const run = await runCli(["parse", "逃逸.zip", "--out-dir", out, "-j", "1"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(listFiles(out)).toEqual(["逃逸.zip!/%2E%2E/%2E%2E/逃逸.yaml", "逃逸.zip!/%2F/etc/绝对.yaml", "逃逸.zip!/C%3A/盘符.yaml"].sort());
    expect(existsSync(path.join(dir, "..", "逃逸.yaml"))).toBe(false);
    expect(existsSync(path.join(dir, "逃逸.yaml"))).toBe(false);
  });

  it("-o never writes over the archive it reads", async () => {
    const run = await runCli(["parse", "部门A.zip", "-o", "部门A.zip", "--force", "-j", "1"], { cwd: dir });
    expect(run.stderr).toContain("PG-E-SAME-AS-INPUT");
    expect(new Uint8Array(readFileSync(path.join(dir, "部门A.zip")))).toEqual(submissionZip());
  });
});
