/**
 * Each file on its own. The catalogue's cases (YAML streams, UTF-8 that breaks in places, Latin-1)
 * go through the group contract; then what escapes a reader: a file that makes the reader exhaust
 * memory, loop forever or crash inside a dependency, through the built CLI with `--jobs 1` and 2.
 * Those three are made by a preload the test gives node (`--import`): inside a worker thread,
 * opening a file whose name says so misbehaves. perfgoal itself has no such hook.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkerLost } from "../../src/batch/pool.js";
import { FILE_TIME_LIMIT_MS, lostFailure, WORKER_HEAP_MB } from "../../src/batch/runner.js";
import { isPerfgoalError } from "../../src/model/errors.js";
import { loadFormsYaml, MAX_YAML_FORMS } from "../../src/model/yaml.js";
import { parseBuffer, parseFile } from "../../src/parse/index.js";
import { decodeText } from "../../src/parse/text/decode.js";
import { parseReport } from "../report/json-report.js";
import { EXAMPLES_DIR } from "./bytes.js";
import { builtCli, runBuilt, type ChildRun } from "./built-cli.js";
import { OVERLONG, seedTextWithBytes, SURROGATE, yamlStream } from "./cases-isolation.js";
import { describeGroup } from "./group-suite.js";
import { changes, expectNoStack, expectRefusalLine, filesBelow, linesNaming, snapshot, tempDir } from "./harness.js";

describeGroup("isolation", "each file on its own");

/** The form as JSON with its source and every replacement character left out. */
async function withoutReplacements(bytes: Uint8Array, name: string): Promise<string> {
  const result = await parseBuffer(bytes, name);
  return JSON.stringify(result.forms.map((f) => ({ ...f.form, source: undefined }))).replace(/\uFFFD/g, "");
}

describe("UTF-8 that breaks in places stays UTF-8, the bad bytes named", () => {
  const seed = async () => JSON.stringify((await parseFile(path.join(EXAMPLES_DIR, "hengdong-2023.txt"))).forms.map((f) => ({ ...f.form, source: undefined })));

  it("an overlong sequence in a goal: the form reads exactly like the seed but for U+FFFD in that goal", async () => {
    const bytes = seedTextWithBytes("确保县政府", OVERLONG);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toContain("确保县政府\uFFFD\uFFFD的各项工作");
    expect(await withoutReplacements(bytes, "x.txt")).toBe(await seed());
  });

  it("a surrogate in an indicator label: the label keeps every other character, the rest of the form intact", async () => {
    const bytes = seedTextWithBytes("应急", SURROGATE);
    const result = await parseBuffer(bytes, "x.txt");
    const labels = result.forms[0]!.form.indicators.annual.map((r) => r.tier3);
    expect(labels).toContain("应急\uFFFD\uFFFD\uFFFD处理经费");
    expect(result.warnings.join("\n")).toMatch(/1 处共 3 个字节不是有效的 UTF-8，已替换为 U\+FFFD：第\d+行（字节偏移 \d+）/);
    expect(await withoutReplacements(bytes, "x.txt")).toBe(await seed());
  });

  it("names the line and the byte offset of the bad bytes (offsets from the start of the file, a BOM included)", () => {
    // Enough good text around the bad bytes that they stay under the share refused.
    const filler = "衡东县政府办项目支出预算部门\n".repeat(20);
    const text = Buffer.concat([Buffer.from("第一行\n第二行，", "utf8"), Buffer.from(SURROGATE), Buffer.from(`其余完好\n${filler}`, "utf8")]);
    const offset = Buffer.from("第一行\n第二行，", "utf8").length;
    expect(decodeText(text).warnings).toEqual([`1 处共 3 个字节不是有效的 UTF-8，已替换为 U+FFFD：第2行（字节偏移 ${offset}）`]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    expect(decodeText(withBom)).toMatchObject({ encoding: "utf-8-bom", warnings: [`1 处共 3 个字节不是有效的 UTF-8，已替换为 U+FFFD：第2行（字节偏移 ${offset + 3}）`] });
  });

  it("a GBK file stays GBK, even where a line's bytes look like an overlong sequence (来 is C0 B4)", async () => {
    const iconv = (await import("iconv-lite")).default;
    const text = "项目名称：衡东县政府办\n来\n预算部门：衡东县政府办\n";
    expect(decodeText(iconv.encode(text, "gbk"))).toMatchObject({ encoding: "gb18030", text, warnings: [] });
  });

  it("a mostly GBK line with one bad byte is still GBK (the bad byte warned about)", async () => {
    const iconv = (await import("iconv-lite")).default;
    const line = "项目支出名称衡东县政府办项目支出预算部门衡东县政府办项目支出";
    const bytes = Buffer.concat([iconv.encode(line, "gbk"), Buffer.from([0xff]), iconv.encode(`${line}\n`, "gbk")]);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe(`${line}\uFFFD${line}\n`);
    expect(decoded.warnings).toEqual(["1 处字节无法按 gb18030 解码，已替换为 U+FFFD"]);
  });

  it("refuses text where more than 2% of the characters do not decode, in UTF-8 as in GBK", async () => {
    const iconv = (await import("iconv-lite")).default;
    const codeOf = (bytes: Uint8Array) => {
      try {
        decodeText(bytes);
        return "read";
      } catch (e) {
        return isPerfgoalError(e) ? e.code : String(e);
      }
    };
    const broken = (line: Buffer) => Buffer.concat(Array.from({ length: 200 }, () => line));
    // One bad byte in every seven characters: above the share, in either encoding.
    expect(codeOf(broken(Buffer.concat([Buffer.from("项目名称", "utf8"), Buffer.from([0xff]), Buffer.from("衡东\n", "utf8")])))).toBe("PG-E-ENCODING");
    expect(codeOf(broken(Buffer.concat([iconv.encode("项目名称", "gbk"), Buffer.from([0xff]), iconv.encode("衡东\n", "gbk")])))).toBe("PG-E-ENCODING");
    // One in sixty: read, with the warning.
    expect(codeOf(broken(Buffer.concat([Buffer.from("项目名称衡东县政府办".repeat(6), "utf8"), Buffer.from([0xff]), Buffer.from("\n")])))).toBe("read");
  });
});

describe("YAML streams", () => {
  it(`reads a stream of exactly ${MAX_YAML_FORMS} forms`, () => {
    const forms = loadFormsYaml(yamlStream(MAX_YAML_FORMS));
    expect(forms).toHaveLength(MAX_YAML_FORMS);
    expect(forms[MAX_YAML_FORMS - 1]!.form.project.name).toBe(`测试项目 ${MAX_YAML_FORMS}`);
  });

  it("refuses the form past the cap, naming the line it starts on, before composing the rest", () => {
    let caught: unknown;
    try {
      // A million more documents after the cap: only the first past it is ever composed.
      loadFormsYaml(`${yamlStream(MAX_YAML_FORMS)}${"---\n".repeat(1_000_000)}`);
    } catch (e) {
      caught = e;
    }
    expect(isPerfgoalError(caught) && caught.code).toBe("PG-E-TOO-LARGE");
    const e = caught as { detailIn: (lang: "zh" | "en") => string };
    expect(e.detailIn("zh")).toBe(`YAML 流超过 ${MAX_YAML_FORMS} 份表单（第16000行起为第 ${MAX_YAML_FORMS + 1} 份），请拆分为多个文件`);
    expect(e.detailIn("en")).toMatch(/^a YAML stream of more than 1000 forms \(form 1001 starts at line 16000\)/);
  });
});

describe("a file that escapes its reader ends that file only", () => {
  it("a timeout, a memory limit and a crash become the file's own codes: exit 1, not perfgoal's internal error", () => {
    expect(lostFailure(new WorkerLost("timeout", "no answer"), FILE_TIME_LIMIT_MS)).toEqual({
      code: "PG-E-TIMEOUT",
      detail: `超过 ${FILE_TIME_LIMIT_MS / 1000} 秒仍未读完，已停止`,
      detailEn: `not done after ${FILE_TIME_LIMIT_MS / 1000} s, stopped`,
      internal: false,
    });
    expect(lostFailure(new WorkerLost("memory", "heap"), FILE_TIME_LIMIT_MS)).toMatchObject({ code: "PG-E-MEMORY", detail: `超过 ${WORKER_HEAP_MB} MB，已停止`, internal: false });
    expect(lostFailure(new WorkerLost("crash", "worker exited with code 7\nmore"), FILE_TIME_LIMIT_MS)).toEqual({ code: "PG-E-CRASH", detail: "worker exited with code 7", internal: false });
  });
});

/** Inside a worker thread only: opening a file whose name says so exhausts memory, loops, or throws from a callback. */
const FAULTS_PRELOAD = `import { isMainThread } from "node:worker_threads";
import { createRequire, syncBuiltinESMExports } from "node:module";
if (!isMainThread) {
  const fs = createRequire(import.meta.url)("node:fs");
  const openSync = fs.openSync;
  fs.openSync = function (file, ...rest) {
    const name = String(file);
    if (name.includes("耗尽内存")) {
      const hoard = [];
      for (;;) hoard.push({ n: hoard.length, s: "x" + hoard.length });
    }
    if (name.includes("死循环")) for (;;);
    if (name.includes("依赖崩溃")) setImmediate(() => { throw new TypeError("thrown inside a dependency"); });
    return openSync.call(this, file, ...rest);
  };
  syncBuiltinESMExports();
}
`;

describe("through the built CLI: memory, time and crashes in a worker, even with --jobs 1", () => {
  const MEMORY_LIMIT_MIB = 500;
  const GUARD_MS = 3 * FILE_TIME_LIMIT_MS + 60_000;
  let dir: string;
  let faults: string;
  let before: Map<string, string>;
  const GOOD = ["甲 好的.txt", "戊 好的.docx"];
  const BAD = { memory: "乙 耗尽内存.txt", loop: "丙 死循环.txt", crash: "丁 依赖崩溃.txt" };

  beforeAll(() => {
    builtCli();
    dir = tempDir("isolation");
    mkdirSync(path.join(dir, "in"));
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(dir, "in", GOOD[0]!));
    copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.docx"), path.join(dir, "in", GOOD[1]!));
    for (const name of Object.values(BAD)) copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(dir, "in", name));
    faults = path.join(dir, "faults.mjs");
    writeFileSync(faults, FAULTS_PRELOAD);
    before = snapshot(path.join(dir, "in"));
  });

  afterAll(() => {
    expect(changes(before, snapshot(path.join(dir, "in")))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) => runBuilt(args, { cwd: dir, hangGuardMs: GUARD_MS, imports: [pathToFileURL(faults).href] });

  function contained(r: ChildRun): void {
    console.info(`exit ${r.code}, ${r.ms} ms, peak ${r.peakMiB.toFixed(0)} MiB`);
    expect(r.killed).toBe(false);
    expect(r.signal).toBe(null);
    expect(r.peakMiB).toBeLessThan(MEMORY_LIMIT_MIB);
    expectNoStack(r.stderr);
  }

  it("parse --jobs 1 over the folder: one line per bad file, the good forms written, exit 1", async () => {
    const r = await run(["parse", "in", "--out-dir", "out", "--jobs", "1"]);
    contained(r);
    expect(r.code, r.stderr).toBe(1);
    expectRefusalLine(r.stderr, `in/${BAD.memory}`, "PG-E-MEMORY");
    expectRefusalLine(r.stderr, `in/${BAD.loop}`, "PG-E-TIMEOUT");
    expectRefusalLine(r.stderr, `in/${BAD.crash}`, "PG-E-CRASH");
    expect(filesBelow(path.join(dir, "out"))).toEqual(GOOD.map((f) => f.replace(/\.[^.]+$/, ".yaml")).sort());
    expect(r.stderr).toContain("共 5 个文件，成功 2，失败 3");
  });

  it("validate --jobs 2 -o report.json --lang en: the report is whole and names each failure, no temporary file left", async () => {
    const names = [GOOD[0]!, BAD.memory, BAD.crash, GOOD[1]!].map((f) => `in/${f}`);
    const r = await run(["validate", ...names, "--jobs", "2", "-f", "json", "-o", "report.json", "--no-config", "--lang", "en"]);
    contained(r);
    expect(r.code, r.stderr).toBe(1);
    expectRefusalLine(r.stderr, `in/${BAD.memory}`, "PG-E-MEMORY", "en");
    expectRefusalLine(r.stderr, `in/${BAD.crash}`, "PG-E-CRASH", "en");
    const report = parseReport(readFileSync(path.join(dir, "report.json"), "utf8")) as { results: { file: string; fatal?: { code: string }; findings?: unknown[] }[] };
    expect(Object.fromEntries(report.results.map((x) => [x.file, x.fatal?.code ?? "findings" in x]))).toEqual({
      [`in/${GOOD[0]}`]: true,
      [`in/${BAD.memory}`]: "PG-E-MEMORY",
      [`in/${BAD.crash}`]: "PG-E-CRASH",
      [`in/${GOOD[1]}`]: true,
    });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    rmSync(path.join(dir, "report.json"));
  });

  it("one file alone that exhausts memory: its one line, exit 1, no output and no temporary file", async () => {
    const r = await run(["parse", `in/${BAD.memory}`, "-o", "one.yaml"]);
    contained(r);
    expect(r.code).toBe(1);
    expect(linesNaming(r.stderr, `in/${BAD.memory}`)).toHaveLength(1);
    expectRefusalLine(r.stderr, `in/${BAD.memory}`, "PG-E-MEMORY");
    expect(existsSync(path.join(dir, "one.yaml"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
