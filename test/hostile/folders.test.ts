/**
 * Folders full of traps, through the built CLI as a child process (a blocked read would hang the
 * child, never the test runner): Word lock files, symlink loops and dangling links, a named pipe,
 * links to /dev/zero and /dev/urandom, a file that fails to read (/proc/self/mem), files and
 * folders without permission, and output folders that cannot be written.
 *
 * Tests usually run as root, where `chmod 000` stops nothing: the permission cases then check that
 * the files are read normally, and the EIO from /proc/self/mem stands in for an unreadable file.
 */
import { chmodSync, copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DIR, randomBytes } from "./bytes.js";
import { builtCli, runBuilt } from "./built-cli.js";
import { changes, expectNoStack, expectRefusalLine, filesBelow, permissionsIgnored, snapshot, tempDir } from "./harness.js";
import { parseReport } from "../report/json-report.js";

const GUARD = { hangGuardMs: 60_000 };
const root = permissionsIgnored();
let dir: string;
let before: Map<string, string>;

beforeAll(() => {
  builtCli();
  dir = tempDir("folders");
  const put = (rel: string, from: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    copyFileSync(path.join(EXAMPLES_DIR, from), path.join(dir, rel));
  };
  put("in/好的 表单.docx", "hengdong-2023.docx");
  put("in/部门 二/另一 表单.txt", "hengdong-2023.txt");
  writeFileSync(path.join(dir, "in/~$好的 表单.docx"), randomBytes(162, 9));
  writeFileSync(path.join(dir, "in/部门 二/~$另一 表单.doc"), randomBytes(162, 10));
  symlinkSync("..", path.join(dir, "in/部门 二/回到 上级"));
  symlinkSync(path.join(dir, "nowhere.docx"), path.join(dir, "in/失效 链接.docx"));
  symlinkSync("环 B.docx", path.join(dir, "in/环 A.docx"));
  symlinkSync("环 A.docx", path.join(dir, "in/环 B.docx"));
  execFileSync("mkfifo", [path.join(dir, "in/管道 文件.docx")]);
  symlinkSync("/dev/zero", path.join(dir, "in/零 设备.docx"));
  symlinkSync("/dev/urandom", path.join(dir, "in/随机 设备.doc"));
  symlinkSync("/proc/self/mem", path.join(dir, "in/读不出.docx"));
  put("in/无权限.txt", "hengdong-2023.txt");
  chmodSync(path.join(dir, "in/无权限.txt"), 0o000);
  put("in/无权限 目录/表单.txt", "hengdong-2023.txt");
  chmodSync(path.join(dir, "in/无权限 目录"), 0o000);
  before = snapshot(path.join(dir, "in"));
}, 120_000);

afterAll(() => {
  const after = snapshot(path.join(dir, "in"));
  chmodSync(path.join(dir, "in/无权限 目录"), 0o755);
  rmSync(dir, { recursive: true, force: true });
  expect(changes(before, after)).toEqual([]);
});

describe("walking a folder of traps", () => {
  it("parse: never blocks, skips and counts the traps, reports what fails, writes every good form", async () => {
    const out = path.join(dir, "out-parse");
    const run = await runBuilt(["parse", "in", "--out-dir", out, "--jobs", "2"], { cwd: dir, ...GUARD });
    expect(run.killed).toBe(false);
    expectNoStack(run.stderr);
    // As root nothing fails: the links to devices and to /proc/self/mem lead outside the folder and are not read.
    expect(run.code).toBe(root ? 0 : 1);
    expect(run.stderr).not.toContain("读不出.docx");
    // Lock files 2; the pipe 1; the folder link back up and the two links of a loop 3; the dangling link 1;
    // the links to both devices and to /proc/self/mem 3.
    const skipped = "跳过 10（Word 锁文件 2，管道或设备文件 1，循环链接 3，指向文件夹之外的链接 3，失效链接 1）";
    // Not root: the file and the folder without permission fail too.
    expect(run.stderr).toContain(root ? `共 4 个文件，成功 4，失败 0，${skipped}` : skipped);
    const written = filesBelow(out);
    expect(written).toContain("好的 表单.yaml");
    expect(written).toContain("部门 二/另一 表单.yaml");
    if (root) {
      // As root, mode 000 stops nothing: the file and the folder are read like any other.
      expect(written).toContain("无权限.yaml");
      expect(written).toContain("无权限 目录/表单.yaml");
    } else {
      expectRefusalLine(run.stderr, "in/无权限.txt", "PG-E-UNREADABLE");
      expectRefusalLine(run.stderr, "in/无权限 目录", "PG-E-UNREADABLE");
    }
    expect(written.filter((f) => !f.endsWith(".yaml"))).toEqual([]);
  });

  it("validate -f json: links leading outside are not read, the good forms are reviewed", async () => {
    const run = await runBuilt(["validate", "in", "-f", "json", "--no-config", "--jobs", "2"], { cwd: dir, ...GUARD });
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
    const report = parseReport(run.stdout) as { results: { file: string; fatal?: { code: string }; findings?: unknown[] }[] };
    expect(report.results.find((r) => r.file === "in/读不出.docx")).toBeUndefined();
    expect(report.results.find((r) => r.file === "in/好的 表单.docx")?.findings).toBeDefined();
    expect(report.results.find((r) => r.file === "in/部门 二/另一 表单.txt")?.findings).toBeDefined();
    // Nothing that was skipped shows up as a result.
    expect(report.results.map((r) => r.file).filter((f) => /管道|设备|~\$|链接|环/.test(f))).toEqual([]);
  });
});

describe("traps named on the command line", () => {
  it.each([
    ["a named pipe", "in/管道 文件.docx"],
    ["a link to /dev/zero", "in/零 设备.docx"],
    ["a link to /dev/urandom", "in/随机 设备.doc"],
  ])("%s: 'not a regular file', never opened", async (_what, file) => {
    const run = await runBuilt(["parse", file], { cwd: dir, ...GUARD });
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
    expectRefusalLine(run.stderr, file, "PG-E-NOT-FILE");
    expectNoStack(run.stderr);
  });

  it("a file that fails to read: 'cannot read file' with the system's reason", async () => {
    const run = await runBuilt(["parse", "in/读不出.docx"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(1);
    expect(expectRefusalLine(run.stderr, "in/读不出.docx", "PG-E-UNREADABLE")).toContain("EIO");
  });

  it("a dangling link is a missing file (exit 2), a link loop an unreadable one (exit 1)", async () => {
    const dangling = await runBuilt(["parse", "in/失效 链接.docx"], { cwd: dir, ...GUARD });
    expect(dangling.code).toBe(2);
    expectRefusalLine(dangling.stderr, "in/失效 链接.docx", "PG-E-NOT-FOUND");
    const loop = await runBuilt(["parse", "in/环 A.docx"], { cwd: dir, ...GUARD });
    expect(loop.code).toBe(1);
    expect(expectRefusalLine(loop.stderr, "in/环 A.docx", "PG-E-UNREADABLE")).toContain("ELOOP");
  });

  it("a Word lock file is skipped, even when named", async () => {
    const run = await runBuilt(["parse", "in/~$好的 表单.docx", "in/好的 表单.docx"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("跳过 1（Word 锁文件 1）");
    expect(run.stdout).toContain("衡东县政府办");
  });

  it.runIf(!root)("a file without read permission: 'cannot read file' (only testable when not root)", async () => {
    const run = await runBuilt(["parse", "in/无权限.txt"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(1);
    expectRefusalLine(run.stderr, "in/无权限.txt", "PG-E-UNREADABLE");
  });
});

describe("an output folder that cannot be written", () => {
  // A path below a regular file can be created by nobody, root included.
  const blocked = "in/好的 表单.docx/输出";

  it("parse --out-dir: one line naming the output with PG-E-OUTPUT, exit 2, nothing written", async () => {
    const run = await runBuilt(["parse", "in/部门 二", "--out-dir", blocked, "--jobs", "1"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(2);
    expectNoStack(run.stderr);
    expectRefusalLine(run.stderr, `${blocked}/另一 表单.yaml`, "PG-E-OUTPUT");
  });

  it("render --out-dir: the same line, exit 2", async () => {
    const run = await runBuilt(["render", "in/部门 二", "--out-dir", blocked, "--jobs", "1"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(2);
    expectNoStack(run.stderr);
    expectRefusalLine(run.stderr, `${blocked}/另一 表单.docx`, "PG-E-OUTPUT");
  });

  it("validate -o: the report cannot be written, exit 2 (the run's own output, not an input)", async () => {
    const run = await runBuilt(["validate", "in/部门 二", "-o", `${blocked}/报告.json`, "-f", "json", "--no-config"], { cwd: dir, ...GUARD });
    expect(run.code).toBe(2);
    expectNoStack(run.stderr);
    expect(run.stderr).toContain("[PG-E-OUTPUT]");
    expect(run.stdout).toBe("");
  });
});
