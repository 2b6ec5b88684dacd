/**
 * One folder holding every case of the second round of hostile inputs (what Word does not show,
 * damaged containers, amplified .doc and YAML, broken encodings, looping sector chains, a link to
 * the root of the machine, a name that is not UTF-8) beside good forms, validated in one batch
 * through the built CLI: it ends on its own, reports every good form, names each refused file
 * with its code, leaves no temporary file, changes no input, and exits 1.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES_DIR } from "./bytes.js";
import { builtCli, runBuilt } from "./built-cli.js";
import { changes, expectNoStack, expectRefusalLine, snapshot, tempDir } from "./harness.js";
import { CASES, writeCases, type HostileCase } from "./make-cases.js";
import { parseReport } from "../report/json-report.js";

const ROUND_TWO_GROUPS = ["shows", "containers", "isolation"] as const;
const ROUND_TWO_FILES = new Set(["迷你分配表 成环.doc", "根链 成环.doc", "十万 键.yaml"]);
const cases = CASES.filter((c) => (ROUND_TWO_GROUPS as readonly string[]).includes(c.group) || ROUND_TWO_FILES.has(c.file));

const GOOD = ["好的 表单.docx", "好的 表单.txt", "好的 表单.yaml"];
/** GBK bytes for 中文 as an old Windows zip leaves them: not UTF-8. */
const GBK_NAME = Buffer.concat([Buffer.from("names/"), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from(".txt")]);
const HANG_GUARD_MS = 600_000;

let root: string;
let before: Map<string, string>;

beforeAll(async () => {
  builtCli();
  root = tempDir("round-two");
  const inputs = path.join(root, "in");
  mkdirSync(inputs);
  const written = await writeCases(inputs);
  const keep = new Set(cases.map((c) => `${c.group}/${c.file}`));
  for (const w of written) if (!keep.has(`${w.case.group}/${w.case.file}`)) rmSync(w.path);
  for (const dir of readdirSync(inputs)) if (readdirSync(path.join(inputs, dir)).length === 0) rmSync(path.join(inputs, dir), { recursive: true });
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.docx"), path.join(inputs, GOOD[0]!));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt"), path.join(inputs, GOOD[1]!));
  copyFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.yaml"), path.join(inputs, GOOD[2]!));
  // In a folder of its own: the snapshot below lists names as UTF-8 strings.
  mkdirSync(path.join(root, "names"));
  writeFileSync(Buffer.concat([Buffer.from(`${root}/`), GBK_NAME]), readFileSync(path.join(EXAMPLES_DIR, "hengdong-2023.txt")));
  // A link to the root of the machine: never walked.
  symlinkSync("/", path.join(inputs, "整个系统"));
  before = snapshot(inputs);
}, 120_000);

afterAll(() => {
  expect(changes(before, snapshot(path.join(root, "in")))).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});

const rel = (c: HostileCase) => `in/${c.group}/${c.file}`;

describe("the second round of hostile inputs in one batch", () => {
  it("validate over the folder: every good form reviewed, every bad one named with its code, exit 1, no temporary file", async () => {
    expect(cases.length).toBeGreaterThan(25);
    const run = await runBuilt(["validate", "in", "names", "-f", "json", "-o", "报告.json", "--summary", "汇总表.xlsx", "--no-config", "--jobs", "2"], {
      cwd: root,
      hangGuardMs: HANG_GUARD_MS,
    });
    console.info(`round-two batch of ${cases.length + GOOD.length + 1} files: exit ${run.code}, ${run.ms} ms, peak ${run.peakMiB.toFixed(0)} MiB`);
    expect(run.killed).toBe(false);
    expectNoStack(run.stderr);
    expect(run.code, run.stderr.slice(-2000)).toBe(1);

    const report = parseReport(readFileSync(path.join(root, "报告.json"), "utf8")) as { results: { file: string; findings?: unknown[]; fatal?: { code: string } }[] };
    const byFile = new Map(report.results.map((r) => [r.file, r]));
    for (const good of [...GOOD.map((g) => `in/${g}`), "names/\\xD6\\xD0\\xCE\\xC4.txt"]) expect(byFile.get(good)?.findings, good).toBeDefined();
    for (const c of cases) {
      const r = byFile.get(rel(c));
      if ("refused" in c.expect) {
        expect(r?.fatal?.code, rel(c)).toBe(c.expect.refused);
        expectRefusalLine(run.stderr, rel(c), c.expect.refused);
      } else expect(r?.findings, rel(c)).toBeDefined();
    }
    // Nothing beyond the folder was walked: no file of the machine appears.
    expect(report.results.filter((r) => r.file.startsWith("in/整个系统"))).toEqual([]);
    const leftovers = readdirSync(root).filter((f) => f.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(["in", "names", "报告.json", "汇总表.xlsx"].sort());
  });
});
