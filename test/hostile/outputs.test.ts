/**
 * Outputs are regular files perfgoal created: a device, pipe, folder or link in an output's place is
 * refused and left untouched; two inputs never share an output silently; temporary names fit the
 * file system; a run never reads its own outputs back; two outputs of one run are never one file;
 * a failed write is one PG-E-OUTPUT line; names that are not UTF-8 are read by their bytes and
 * shown escaped; nothing from a file name or a form reaches the terminal raw.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planOutputs } from "../../src/batch/out-dir.js";
import { escapedName, utf8Name } from "../../src/batch/raw-names.js";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { writeSummaryXlsx } from "../../src/report/summary-table.js";
import { runCli as runCliTty } from "../batch/run-cli-io.js";
import { sampleReport } from "../report/summary-review-fixture.js";
import { EXAMPLES_DIR, randomBytes } from "./bytes.js";
import { builtCli } from "./built-cli.js";
import { changes, expectNoStack, expectRefusalLine, filesBelow, runCli, snapshot, tempDir } from "./harness.js";
import { parseReport } from "../report/json-report.js";

let dir: string;
let n = 0;
/** A fresh folder for one test, with good forms in `in/`. */
function fresh(): string {
  const d = path.join(dir, `t${n++}`);
  mkdirSync(path.join(d, "in"), { recursive: true });
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(d, "in/a.txt"));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.docx"), path.join(d, "in/b.docx"));
  return d;
}

/** Temporary files perfgoal may have left below `d`. */
const temps = (d: string) => (readdirSync(d, { recursive: true }) as string[]).filter((f) => f.endsWith(".tmp"));

/** How a node looks from outside: its type, device number, size, link target, content. */
function nodeState(p: string): string {
  const st = lstatSync(p);
  if (st.isSymbolicLink()) return `link:${readlinkSync(p)}`;
  if (st.isFile()) return `file:${readFileSync(p).toString("hex")}`;
  return `mode:${st.mode.toString(8)}:rdev:${st.rdev}`;
}

let canMknod = true;

beforeAll(() => {
  dir = tempDir("outputs");
  try {
    execFileSync("mknod", [path.join(dir, "probe"), "c", "1", "3"], { stdio: "ignore" });
    rmSync(path.join(dir, "probe"));
  } catch {
    canMknod = false;
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("an output onto something that is not a regular file is refused, the node left untouched", () => {
  /** Targets made in `d`, by kind; a char device only where mknod is allowed (root in a container). */
  function traps(d: string, suffix = ""): Record<string, string> {
    const t: Record<string, string> = {};
    const at = (name: string) => path.join(d, name);
    if (canMknod) {
      execFileSync("mknod", [at(`空设备${suffix}`), "c", "1", "3"]);
      t["字符设备"] = `空设备${suffix}`;
    }
    execFileSync("mkfifo", [at(`管道${suffix}`)]);
    t["命名管道"] = `管道${suffix}`;
    mkdirSync(at(`文件夹.yaml${suffix}`));
    t["文件夹"] = `文件夹.yaml${suffix}`;
    symlinkSync("/proc/self/fd/1", at(`标准输出${suffix}`));
    t["到 /proc/self/fd/1 的链接"] = `标准输出${suffix}`;
    symlinkSync("/dev/null", at(`null 链接${suffix}`));
    t["到 /dev/null 的链接"] = `null 链接${suffix}`;
    writeFileSync(at("别处.yaml"), "旧内容\n");
    symlinkSync("别处.yaml", at(`到文件的链接.yaml${suffix}`));
    t["到普通文件的链接"] = `到文件的链接.yaml${suffix}`;
    return t;
  }

  // An output that cannot be written is about the command, not the forms: exit 2 in every command.
  // The 汇总表's name must say .xlsx or .csv, so its traps carry one.
  const commands: { name: string; args: (target: string) => string[]; exit: number; suffix?: string }[] = [
    { name: "parse -o", args: (t) => ["parse", "in/a.txt", "-o", t, "--force"], exit: 2 },
    { name: "render -o", args: (t) => ["render", "in/a.txt", "-o", t, "--force"], exit: 2 },
    { name: "validate -o", args: (t) => ["validate", "in/a.txt", "-f", "json", "-o", t], exit: 2 },
    { name: "validate --summary", args: (t) => ["validate", "in/a.txt", "-f", "json", "--summary", t], exit: 2, suffix: ".csv" },
  ];

  for (const command of commands) {
    it(command.name, async () => {
      const d = fresh();
      const targets = traps(d, command.suffix);
      const before = new Map(Object.values(targets).map((t) => [t, nodeState(path.join(d, t))]));
      const inputs = snapshot(path.join(d, "in"));
      for (const [kind, target] of Object.entries(targets)) {
        const r = await runCli(command.args(target), { cwd: d });
        expect(r.code, `${kind}: ${r.stderr}`).toBe(command.exit);
        const line = expectRefusalLine(r.stderr, target, "PG-E-OUTPUT");
        expect(line, kind).toMatch(kind.includes("链接") ? /符号链接/ : /不是普通文件/);
        expectNoStack(r.stderr);
        expect(nodeState(path.join(d, target)), kind).toBe(before.get(target));
      }
      expect(readFileSync(path.join(d, "别处.yaml"), "utf8")).toBe("旧内容\n");
      expect(temps(d)).toEqual([]);
      expect(changes(inputs, snapshot(path.join(d, "in")))).toEqual([]);
    });
  }

  it("files under --out-dir: the trap is refused, the other input still written", async () => {
    const d = fresh();
    mkdirSync(path.join(d, "out"));
    execFileSync("mkfifo", [path.join(d, "out/a.yaml")]);
    const r = await runCli(["parse", "in", "--out-dir", "out", "--force", "--jobs", "1"], { cwd: d });
    expect(r.code).toBe(2);
    expectRefusalLine(r.stderr, "out/a.yaml", "PG-E-OUTPUT");
    expect(r.stderr).toContain("共 2 个文件，成功 1，失败 1");
    expect(lstatSync(path.join(d, "out/a.yaml")).isFIFO()).toBe(true);
    expect(loadFormsYaml(readFileSync(path.join(d, "out/b.yaml"), "utf8"))).toHaveLength(1);
    expect(temps(d)).toEqual([]);
  });
});

describe("two inputs that map to one output name", () => {
  it("--out-dir --force: a.docx, a.txt and a.docx.txt get three distinct names, each its own form", async () => {
    const d = fresh();
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.docx"), path.join(d, "in/a.docx"));
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.pipes.txt"), path.join(d, "in/a.docx.txt"));
    mkdirSync(path.join(d, "in/x"));
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(d, "in/x/a.txt"));
    // Twice: the second run replaces the first's outputs (--force), the names stay the same.
    for (let i = 0; i < 2; i++) {
      const r = await runCli(["parse", "in", "--out-dir", "out", "--jobs", "1", "--force"], { cwd: d });
      expect(r.code, r.stderr).toBe(0);
    }
    expect(filesBelow(path.join(d, "out"))).toEqual(["a.docx.txt.yaml", "a.docx.yaml", "a.txt.yaml", "b.yaml", "x/a.yaml"]);
    for (const f of filesBelow(path.join(d, "out"))) expect(loadFormsYaml(readFileSync(path.join(d, "out", f), "utf8"))).toHaveLength(1);
  });

  it("render beside the inputs: a.txt and a.yaml both give a.docx — the second is refused naming both, with or without --force", async () => {
    for (const force of [[], ["--force"]]) {
      const d = fresh();
      copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml"), path.join(d, "in/a.yaml"));
      rmSync(path.join(d, "in/b.docx"));
      const r = await runCli(["render", "in", "--jobs", "1", ...force], { cwd: d });
      expect(r.code).toBe(2);
      const line = expectRefusalLine(r.stderr, "in/a.docx", "PG-E-OUTPUT");
      expect(line).toContain("in/a.yaml 与 in/a.txt 的输出同名");
      expect(r.stderr).toContain("共 2 个文件，成功 1，失败 1");
      expect(r.stdout).toBe("in/a.txt → in/a.docx\n");
      expect(temps(d)).toEqual([]);
    }
  });

  it("render --out-dir --force: the second form of b.yaml (b-2.docx) does not replace the output of b-2.txt", async () => {
    const d = fresh();
    rmSync(path.join(d, "in/a.txt"));
    rmSync(path.join(d, "in/b.docx"));
    const yaml = readFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml"), "utf8");
    writeFileSync(path.join(d, "in/b.yaml"), `${yaml}\n---\n${yaml}`);
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(d, "in/b-2.txt"));
    const r = await runCli(["render", "in", "--out-dir", "out", "--force", "--jobs", "1"], { cwd: d });
    expect(r.code).toBe(2);
    const line = expectRefusalLine(r.stderr, "out/b-2.docx", "PG-E-OUTPUT");
    expect(line).toContain("in/b.yaml 与 in/b-2.txt 的输出同名");
    expect(r.stderr).toContain("成功 1，失败 1");
    expect(filesBelow(path.join(d, "out"))).toEqual(["b-1.docx", "b-2.docx"]);
  });
});

describe("planned --out-dir names", () => {
  it("are distinct whatever the stems: each round gives the inputs that share a name their extension", () => {
    const files = ["a.docx", "a.txt", "a.docx.txt", "a.docx.txt.doc", "b.txt"].map((f) => ({ file: `in/${f}`, root: "in" }));
    const targets = planOutputs(files, "out", ".yaml", "/w").map((p) => path.relative("/w/out", p.target));
    expect(targets).toEqual(["a.docx.yaml", "a.txt.yaml", "a.docx.txt.yaml", "a.docx.txt.doc.yaml", "b.yaml"]);
  });
});

describe("temporary names fit the file system", () => {
  const name80 = "项".repeat(80); // 240 bytes of UTF-8; NAME_MAX is 255

  it("an output named with 80 Chinese characters is written (-o and --out-dir)", async () => {
    const d = fresh();
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(d, `in/${name80}.txt`));
    const o = await runCli(["parse", `in/${name80}.txt`, "-o", `${name80}.yaml`], { cwd: d });
    expect(o.code, o.stderr).toBe(0);
    expect(loadFormsYaml(readFileSync(path.join(d, `${name80}.yaml`), "utf8"))).toHaveLength(1);
    const dirRun = await runCli(["parse", "in", "--out-dir", "out", "--jobs", "1"], { cwd: d });
    expect(dirRun.code, dirRun.stderr).toBe(0);
    expect(existsSync(path.join(d, `out/${name80}.yaml`))).toBe(true);
    const r = await runCli(["render", `in/${name80}.txt`, "-o", `${name80}.docx`], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(temps(d)).toEqual([]);
  });

  it("a target whose own name is too long is one PG-E-OUTPUT line, nothing written", async () => {
    const d = fresh();
    const long = `${"项".repeat(86)}.yaml`; // 263 bytes
    const r = await runCli(["parse", "in/a.txt", "-o", long], { cwd: d });
    expect(r.code).toBe(2);
    const line = expectRefusalLine(r.stderr, long, "PG-E-OUTPUT");
    expect(line).toContain("文件名过长（263 字节，上限 255 字节）");
    expect(readdirSync(d)).toEqual(["in"]);
  });
});

describe("an output folder inside the input folder is never read as input", () => {
  it("parse 来件/ --out-dir 来件/yaml, run again (with and without --force): same outputs, no yaml/yaml", async () => {
    const d = fresh();
    const first = await runCli(["parse", "in", "--out-dir", "in/yaml", "--jobs", "1"], { cwd: d });
    expect(first.code, first.stderr).toBe(0);
    const written = filesBelow(path.join(d, "in/yaml"));
    expect(written).toEqual(["a.yaml", "b.yaml"]);
    const again = await runCli(["parse", "in", "--out-dir", "in/yaml", "--jobs", "1", "--force"], { cwd: d });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("共 2 个文件，成功 2，失败 0，跳过 1（本次的输出 1）");
    expect(filesBelow(path.join(d, "in/yaml"))).toEqual(written);
    const noForce = await runCli(["parse", "in", "--out-dir", "in/yaml", "--jobs", "1"], { cwd: d });
    expect(noForce.code).toBe(2);
    // A rerun's existing outputs are counted in the closing line, not listed one by one.
    expect(noForce.stderr).toContain("成功 0，失败 0，跳过 1（本次的输出 1），已有 2 个文件未覆盖（使用 --force 覆盖）");
    expect(noForce.stderr).not.toContain("PG-E-EXISTS");
    expect(noForce.stderr).not.toContain("yaml/yaml");
  });

  it("render --out-dir inside the input, and parse -o into the input folder, run twice", async () => {
    const d = fresh();
    for (let i = 0; i < 2; i++) {
      const r = await runCli(["render", "in", "--out-dir", "in/规范版", "--jobs", "1", "--force"], { cwd: d });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    }
    expect(filesBelow(path.join(d, "in/规范版"))).toEqual(["a.docx", "b.docx"]);
    const e = fresh();
    for (let i = 0; i < 2; i++) {
      const r = await runCli(["parse", "in", "-o", "in/全部.yaml", "--jobs", "1", "--force"], { cwd: e });
      expect(r.code, r.stderr).toBe(0);
      expect(loadFormsYaml(readFileSync(path.join(e, "in/全部.yaml"), "utf8"))).toHaveLength(2);
    }
  });
});

describe("two outputs of one run in one file", () => {
  it("-o r.csv --summary r.csv (also ./r.csv, or a link to it) is a usage error naming both, before anything is read", async () => {
    const d = fresh();
    symlinkSync("r.csv", path.join(d, "链接.csv"));
    for (const summary of ["r.csv", "./r.csv", "链接.csv", `${d}/r.csv`]) {
      // The input does not exist: had anything been read, its PG-E-NOT-FOUND line would show.
      const r = await runCli(["validate", "不存在.docx", "-f", "csv", "-o", "r.csv", "--summary", summary], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`perfgoal: -o r.csv 与 --summary ${summary} 是同一个文件\n`);
      const en = await runCli(["--lang", "en", "validate", "in/a.txt", "-o", "r.csv", "--summary", summary], { cwd: d });
      expect(en.stderr).toBe(`perfgoal: -o r.csv and --summary ${summary} are the same file\n`);
    }
    expect(readdirSync(d).sort()).toEqual(["in", "链接.csv"]);
  });
});

describe("a failed write is one PG-E-OUTPUT line naming the file", () => {
  it("the .xlsx writer reports the write's own error (ENOSPC), wherever it fails", async () => {
    for (let after = 0; after < 4; after++) {
      let calls = 0;
      const full = async () => {
        if (++calls > after) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      };
      await expect(writeSummaryXlsx(sampleReport(), full)).rejects.toMatchObject({ code: "ENOSPC" });
    }
  });

  it("--summary into a folder that cannot be made: one line, exit 2, no report left", async () => {
    const d = fresh();
    writeFileSync(path.join(d, "是文件"), "");
    const r = await runCli(["validate", "in", "-f", "json", "-o", "r.json", "--summary", "是文件/汇总表.xlsx", "--jobs", "1"], { cwd: d });
    expect(r.code).toBe(2);
    const line = expectRefusalLine(r.stderr, "是文件/汇总表.xlsx", "PG-E-OUTPUT");
    expect(line).toMatch(/ENOTDIR|EEXIST/);
    expectNoStack(r.stderr);
    expect(readdirSync(d).sort()).toEqual(["in", "是文件"]);
  });
});

/**
 * The built CLI in a child process, optionally with a file-size limit (`ulimit -f`, KiB: a write
 * past it fails with EFBIG, as a full disk fails with ENOSPC; node ignores SIGXFSZ) or a preload.
 */
function runChild(args: string[], options: { cwd: string; fileLimitKiB?: number; preload?: string; env?: Record<string, string> }) {
  const cli = path.join(builtCli(), "bin/perfgoal.js");
  const node = [...(options.preload ? ["--import", `file://${options.preload}`] : []), cli, ...args];
  const [command, argv] = options.fileLimitKiB ? ["bash", ["-c", `ulimit -f ${options.fileLimitKiB} && exec "$@"`, "bash", process.execPath, ...node]] : [process.execPath, node];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command as string, argv as string[], { cwd: options.cwd, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const guard = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("through the built CLI: failed writes and crashes leave nothing behind", () => {
  beforeAll(() => void builtCli(), 120_000);

  it("a write past the file-size limit (EFBIG, as a full disk): one PG-E-OUTPUT line per file, nothing left", async () => {
    const d = fresh();
    mkdirSync(path.join(d, "tmp"));
    const env = { TMPDIR: path.join(d, "tmp") };
    const summary = await runChild(["validate", "in", "-f", "summary", "-o", "r.txt", "--summary", "汇总表.xlsx", "--jobs", "1"], { cwd: d, fileLimitKiB: 4, env });
    expect(summary.code).toBe(2);
    const line = expectRefusalLine(summary.stderr, "汇总表.xlsx", "PG-E-OUTPUT");
    expect(line).toContain("文件超出系统允许的大小（EFBIG）");
    expectNoStack(summary.stderr);
    const parse = await runChild(["parse", "in", "--out-dir", "out", "--jobs", "2"], { cwd: d, fileLimitKiB: 4, env });
    expect(parse.code).toBe(2);
    expectRefusalLine(parse.stderr, "out/a.yaml", "PG-E-OUTPUT");
    expectRefusalLine(parse.stderr, "out/b.yaml", "PG-E-OUTPUT");
    expect(parse.stderr).toContain("共 2 个文件，成功 0，失败 2");
    expect(filesBelow(d).filter((f) => !f.startsWith("in/"))).toEqual([]);
  });

  it("an uncaught exception while the report is being written: the temporary file is removed on exit", async () => {
    const d = fresh();
    for (let i = 0; i < 40; i++) copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(d, `in/表${i}.txt`));
    const preload = path.join(d, "crash.mjs");
    // Throws from a timer, outside any promise perfgoal could catch, once the report's temporary file exists.
    writeFileSync(
      preload,
      `import { readdirSync } from "node:fs";
const t = setInterval(() => {
  if (readdirSync(${JSON.stringify(d)}).some((f) => /^\\.pg-[0-9a-f]+\\.tmp$/.test(f))) {
    clearInterval(t);
    throw new Error("simulated crash");
  }
}, 1);
t.unref();
`,
    );
    const r = await runChild(["validate", "in", "-f", "json", "-o", "r.json", "--jobs", "1"], { cwd: d, preload });
    expect(r.stderr).toContain("simulated crash");
    expect(r.code).toBe(1);
    expect(readdirSync(d).sort()).toEqual(["crash.mjs", "in"]);
  });
});

describe("names that are not UTF-8", () => {
  it("valid UTF-8 is kept as text; each invalid byte (GBK, overlong forms, surrogates, a cut sequence) is \\xHH", () => {
    expect(utf8Name(Buffer.from("表单 2024.docx"))).toBe("表单 2024.docx");
    expect(utf8Name(Buffer.from([0xd6, 0xd0]))).toBeUndefined();
    expect(escapedName(Buffer.from([0xd6, 0xd0, 0x2e, 0x74]))).toBe("\\xD6\\xD0.t");
    expect(escapedName(Buffer.concat([Buffer.from("表"), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe8, 0xa1])]))).toBe("表\\xC0\\xAF\\xED\\xA0\\x80\\xE8\\xA1");
    expect(escapedName(Buffer.from("😀中"))).toBe("😀中");
  });

  // 中文 and 部门 in GBK, as old Windows zips leave them.
  const GBK_FILE = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2e, 0x74, 0x78, 0x74]); // 中文.txt
  const GBK_DIR = Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]); // 部门
  const shownFile = "\\xD6\\xD0\\xCE\\xC4.txt";
  const shownDir = "\\xB2\\xBF\\xC3\\xC5";

  function gbkFolder(): string {
    const d = fresh();
    const inDir = Buffer.from(path.join(d, "in/"));
    const form = readFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"));
    writeFileSync(Buffer.concat([inDir, GBK_FILE]), form);
    mkdirSync(Buffer.concat([inDir, GBK_DIR]));
    writeFileSync(Buffer.concat([inDir, GBK_DIR, Buffer.from("/表.txt")]), form);
    writeFileSync(Buffer.concat([inDir, GBK_DIR, Buffer.from("/"), Buffer.from([0xbb, 0xb5, 0x2e, 0x64, 0x6f, 0x63, 0x78])]), randomBytes(2000, 3)); // 坏.docx
    return d;
  }

  it("is read like any other file and shown escaped in every output", async () => {
    const d = gbkFolder();
    // The harness's snapshot lists names as text; these are checked by their bytes.
    const listing = (): string[] => {
      const out: string[] = [];
      const visit = (folder: Buffer) => {
        for (const e of readdirSync(folder, { encoding: "buffer", withFileTypes: true })) {
          const full = Buffer.concat([folder, Buffer.from("/"), e.name as unknown as Buffer]);
          out.push(full.toString("hex"));
          if (e.isDirectory()) visit(full);
        }
      };
      visit(Buffer.from(path.join(d, "in")));
      return out.sort();
    };
    const gbkFile = Buffer.concat([Buffer.from(path.join(d, "in/")), GBK_FILE]);
    const before = { names: listing(), content: readFileSync(gbkFile).toString("hex") };
    const json = await runCli(["validate", "in", "-f", "json", "--jobs", "1"], { cwd: d });
    expect(json.code).toBe(1);
    const files = (parseReport(json.stdout) as { results: { file: string; fatal?: unknown }[] }).results.map((r) => [r.file, Boolean(r.fatal)]);
    expect(files).toEqual([
      [`in/${shownFile}`, false],
      ["in/a.txt", false],
      ["in/b.docx", false],
      [`in/${shownDir}/\\xBB\\xB5.docx`, true],
      [`in/${shownDir}/表.txt`, false],
    ]);
    expectRefusalLine(json.stderr, `in/${shownDir}/\\xBB\\xB5.docx`, "PG-E-FORMAT");
    expect(json.stderr).not.toContain("PG-E-NOT-FOUND");
    const parsed = await runCli(["parse", "in", "--out-dir", "out", "--jobs", "2"], { cwd: d });
    expect(parsed.code).toBe(1);
    expect(filesBelow(path.join(d, "out"))).toEqual([`${shownDir}/表.yaml`, "\\xD6\\xD0\\xCE\\xC4.yaml", "a.yaml", "b.yaml"]);
    expect({ names: listing(), content: readFileSync(gbkFile).toString("hex") }).toEqual(before);
  });
});

describe("nothing from a file name or a form reaches the terminal raw", () => {
  const HOSTILE_NAME = "\x1b[2J坏\x07.yaml";
  /** Terminal controls, after removing the progress bar's own `\r ESC[2K`. */
  const raw = (text: string) => text.replaceAll("\r\x1b[2K", "").match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [];

  function hostileFolder(): string {
    const d = fresh();
    const yaml = readFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml"), "utf8");
    const evil = "\\e[1A\\e[2K\\e]8;;http://例子.invalid\\a点我\\e]8;;\\a\\u202e<script>x</script>";
    writeFileSync(path.join(d, "in", HOSTILE_NAME), yaml.replace("name: 衡东县政府办项目支出", `name: "衡东${evil}项目"`));
    writeFileSync(path.join(d, "in", "\x1b[1A坏\x9b.docx"), randomBytes(500, 1));
    return d;
  }

  it("stylish with the progress bar, summary, render, parse: names and form text escaped", async () => {
    const d = hostileFolder();
    for (const args of [["validate", "in"], ["validate", "in", "-f", "summary"], ["render", "in", "--out-dir", "out"], ["parse", "in", "--out-dir", "yaml"]]) {
      const r = await runCliTty([...args, "--jobs", "1"], { cwd: d, stderrIsTTY: true });
      expect(r.code, args.join(" ")).toBe(1);
      expect(raw(r.stdout), `${args.join(" ")} stdout`).toEqual([]);
      expect(raw(r.stderr), `${args.join(" ")} stderr`).toEqual([]);
      expect(r.stderr).toContain("perfgoal: in/\\x1b[1A坏\\x9b.docx: 不支持的文件格式");
      if (args.length === 2) expect(r.stdout).toContain("in/\\x1b[2J坏\\x07.yaml");
    }
  });

  it("json, csv and html carry the text by their own rules", async () => {
    const d = hostileFolder();
    const json = await runCli(["validate", "in", "-f", "json", "--jobs", "1"], { cwd: d });
    const results = (parseReport(json.stdout) as { results: { file: string; project?: string }[] }).results;
    expect(results.map((r) => r.file)).toContain(`in/${HOSTILE_NAME}`);
    // JSON escapes C0 controls itself (\u001b); the text comes back exactly as the form holds it.
    expect(json.stdout).not.toContain("\x1b");
    expect(results.find((r) => r.file === `in/${HOSTILE_NAME}`)?.project).toContain("\x1b[1A\x1b[2K");
    const html = await runCli(["validate", "in", "-f", "html", "--jobs", "1"], { cwd: d });
    expect(html.stdout).not.toContain("<script>x</script>");
    expect(html.stdout).toContain("&#60;script&#62;x&#60;/script&#62;");
    writeFileSync(path.join(d, "in", "换\n行.yaml"), readFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml")));
    const withNewline = await runCli(["validate", "in", "-f", "csv", "--jobs", "1"], { cwd: d });
    expect(withNewline.stdout).toContain('"in/换\n行.yaml"');
  });
});

describe("sanity", () => {
  it("the temporary-file folder is clean after all of the above", () => {
    expect(temps(dir)).toEqual([]);
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});
