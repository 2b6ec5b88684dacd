/**
 * Ctrl-C in the middle of a batch (a real SIGINT to the built CLI): exit 130, no temporary file
 * left anywhere, and every output that exists is complete (it reads back as a form). SIGTERM and
 * SIGHUP end at once, like a second Ctrl-C: exit 143 and 129, nothing half-written left.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFormsYaml } from "../../src/model/yaml.js";
import { parseFile } from "../../src/parse/index.js";
import { EXAMPLES_DIR, randomBytes } from "./bytes.js";
import { builtCli, runBuilt } from "./built-cli.js";
import { changes, filesBelow, snapshot, tempDir } from "./harness.js";

const FILES = 300;
let dir: string;
let before: Map<string, string>;

beforeAll(() => {
  builtCli();
  dir = tempDir("interrupt");
  const seeds = ["hengdong-2023.docx", "hengdong-2023.txt", "hengdong-2023.pipes.txt"];
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, "in", `部门 ${i % 7}`);
    mkdirSync(sub, { recursive: true });
    // A few broken files among them: the interrupt must not care.
    if (i % 50 === 7) writeFileSync(path.join(sub, `坏 ${i}.docx`), randomBytes(3000, i));
    else {
      const seed = seeds[i % seeds.length]!;
      copyFileSync(path.join(EXAMPLES_DIR, seed), path.join(sub, `表单 ${String(i).padStart(3, "0")}${path.extname(seed)}`));
    }
  }
  before = snapshot(path.join(dir, "in"));
}, 120_000);

afterAll(() => {
  expect(changes(before, snapshot(path.join(dir, "in")))).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

/** Start the batch, send `signal` once `enough` outputs exist, wait for the exit. */
async function interrupted(command: "parse" | "render", out: string, enough: number, signal: NodeJS.Signals = "SIGINT") {
  let timer: NodeJS.Timeout | undefined;
  let sent = false;
  const run = await runBuilt([command, "in", "--out-dir", out, "--jobs", "2"], {
    cwd: dir,
    hangGuardMs: 120_000,
    onSpawn: (child) => {
      timer = setInterval(() => {
        if (!sent && filesBelow(out).length >= enough) {
          sent = true;
          child.kill(signal);
        }
      }, 20);
    },
  });
  clearInterval(timer);
  return { run, sent };
}

/**
 * validate with the 汇总表 and the HTML report, its temp folder our own; `signal` once the review
 * spool has data and, with `waitForReportTemp`, once the report's temporary file beside it exists too.
 */
async function interruptedReview(name: string, signal: NodeJS.Signals = "SIGINT", waitForReportTemp = false) {
  const tmp = path.join(dir, `tmp-${name}`);
  mkdirSync(tmp, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let sawTemp = false;
  let sent = false;
  const args = ["validate", "in", "--jobs", "2", "--summary", `${name}.xlsx`, "-f", "html", "-o", `${name}.html`];
  const run = await runBuilt(args, {
    cwd: dir,
    env: { TMPDIR: tmp },
    hangGuardMs: 120_000,
    onSpawn: (child) => {
      timer = setInterval(() => {
        if (sent) return;
        const spooled = filesBelow(tmp).some((f) => (statSync(path.join(tmp, f), { throwIfNoEntry: false })?.size ?? 0) > 0);
        const reportTemp = filesBelow(dir).some((f) => !f.includes("/") && /^\.pg-[0-9a-f]+\.tmp$/.test(f));
        if (spooled && (reportTemp || !waitForReportTemp)) {
          sawTemp = reportTemp;
          sent = true;
          child.kill(signal);
        }
      }, 10);
    },
  });
  clearInterval(timer);
  return { run, sent, sawTemp, tmp };
}

describe("SIGINT in the middle of a batch", () => {
  it("parse --out-dir: exit 130, whole YAML files only, no .tmp", async () => {
    const out = path.join(dir, "out-parse");
    const { run, sent } = await interrupted("parse", out, 10);
    expect(sent).toBe(true);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(new RegExp(`已中断：处理了 \\d+/${FILES} 个文件`));
    const written = filesBelow(out);
    expect(written.filter((f) => !f.endsWith(".yaml"))).toEqual([]);
    expect(written.length).toBeLessThan(FILES);
    for (const f of written) expect(loadFormsYaml(readFileSync(path.join(out, f), "utf8"))[0]!.form.project.name).toBeTruthy();
  });

  it("render --out-dir: exit 130, whole .docx files only, no .tmp", async () => {
    const out = path.join(dir, "out-render");
    const { run, sent } = await interrupted("render", out, 5);
    expect(sent).toBe(true);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(130);
    const written = filesBelow(out);
    expect(written.filter((f) => !f.endsWith(".docx"))).toEqual([]);
    expect(written.length).toBeLessThan(FILES);
    for (const f of written) expect((await parseFile(path.join(out, f))).forms.length).toBe(1);
  });

  it("validate --summary -f html: exit 130, no report, no workbook, the review spool removed", async () => {
    const { run, sent, tmp } = await interruptedReview("once");
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(filesBelow(tmp)).toEqual([]);
    expect(filesBelow(dir).filter((f) => /^once\.|\.tmp$/.test(path.basename(f)))).toEqual([]);
  });
});

describe("SIGTERM and SIGHUP: like a second Ctrl-C, at once", () => {
  it("parse --out-dir, SIGTERM: exit 143, whole YAML files only, no .tmp", async () => {
    const out = path.join(dir, "out-term");
    const { run, sent } = await interrupted("parse", out, 10, "SIGTERM");
    expect(sent).toBe(true);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(143);
    const written = filesBelow(out);
    expect(written.filter((f) => !f.endsWith(".yaml"))).toEqual([]);
    expect(written.length).toBeLessThan(FILES);
    for (const f of written) expect(loadFormsYaml(readFileSync(path.join(out, f), "utf8"))[0]!.form.project.name).toBeTruthy();
  });

  it("render --out-dir, SIGHUP: exit 129, whole .docx files only, no .tmp", async () => {
    const out = path.join(dir, "out-hup");
    const { run, sent } = await interrupted("render", out, 5, "SIGHUP");
    expect(sent).toBe(true);
    expect(run.code).toBe(129);
    const written = filesBelow(out);
    expect(written.filter((f) => !f.endsWith(".docx"))).toEqual([]);
    for (const f of written) expect((await parseFile(path.join(out, f))).forms.length).toBe(1);
  });

  it("validate --summary .xlsx -f html -o, SIGTERM: exit 143, no report, no workbook, no temporary file, the spool removed", async () => {
    const { run, sent, sawTemp, tmp } = await interruptedReview("term", "SIGTERM", true);
    expect(sent).toBe(true);
    expect(sawTemp).toBe(true);
    expect(run.code).toBe(143);
    expect(filesBelow(tmp)).toEqual([]);
    expect(filesBelow(dir).filter((f) => /^term\.|\.tmp$/.test(path.basename(f)))).toEqual([]);
  });
});
