/** The benchmark's measurements: the real CLI as a child process, the floor, the cold start. */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { scanXml, type XmlHandler } from "../src/parse/docx/xml-scan.js";
import { findEntry, MAX_TOTAL_INFLATED, openZip, readEntry } from "../src/parse/docx/zip.js";

export interface CliRun {
  wallMs: number;
  /** Peak resident memory of the whole process (main thread and workers), MB. */
  peakRssMb: number;
  exitCode: number | null;
  stderrTail: string;
}

/**
 * Start `node bin/perfgoal.js …` through a one-line wrapper that reports the process's peak memory
 * (`process.resourceUsage().maxRSS`) when it exits; wall time from spawn to exit.
 */
export async function runCli(bin: string, args: readonly string[], cwd: string): Promise<CliRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "pg-bench-rss-"));
  const rssFile = path.join(dir, "rss");
  const wrapper = [
    `import { writeFileSync } from "node:fs";`,
    `process.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
    `process.argv.splice(1, 1, ${JSON.stringify(bin)});`,
    `await import(${JSON.stringify(new URL(`file://${bin}`).href)});`,
  ].join("\n");
  const script = path.join(dir, "wrapper.mjs");
  writeFileSync(script, wrapper);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let peakRssMb = NaN;
  try {
    peakRssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
  } catch {
    /* the process died before its exit handler */
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, peakRssMb, exitCode, stderrTail: stderr.trim().split("\n").slice(-3).join("\n") };
}

/** Every file below a folder, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** Handlers that do nothing: the scan alone, no extraction. */
const NO_OP: XmlHandler = { open() {}, close() {}, wantsText: () => false, text() {} };

/**
 * The least the .docx reader must do: read the file, unzip word/document.xml with the reader's
 * inflater and scan it once with the reader's tokenizer (no text decoded, no extraction); for
 * text forms, decode the text.
 */
function floorOne(file: string): void {
  const bytes = readFileSync(file);
  if (file.endsWith(".docx")) {
    const zip = openZip(bytes);
    scanXml(readEntry(zip, findEntry(zip, "word/document.xml")!, { remaining: MAX_TOTAL_INFLATED }), NO_OP);
  } else {
    new TextDecoder().decode(bytes).split("\n");
  }
}

/** The former floor, kept for reference: fflate unzip, UTF-8 decode and a saxes pass. */
function saxesFloorOne(file: string): void {
  const bytes = readFileSync(file);
  if (file.endsWith(".docx")) {
    const parts = unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" });
    const xml = new TextDecoder().decode(parts["word/document.xml"]!);
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on("opentag", () => {});
    parser.on("text", () => {});
    parser.write(xml).close();
  } else {
    new TextDecoder().decode(bytes).split("\n");
  }
}

/** Floor per form (ms): the best of three passes over the files, one process, no extraction. */
export function floorMsPerForm(files: readonly string[], reference: "scan" | "saxes" = "scan"): number {
  const one = reference === "saxes" ? saxesFloorOne : floorOne;
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    for (const f of files) one(f);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best / files.length;
}

/** Median wall time (ms) of `perfgoal --version`, after warm-up runs. */
export async function coldStartMs(bin: string, runs = 11): Promise<number> {
  const once = () =>
    new Promise<number>((resolve) => {
      const t0 = process.hrtime.bigint();
      spawn(process.execPath, [bin, "--version"], { stdio: "ignore" }).on("exit", () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
    });
  for (let i = 0; i < 2; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Wall time of starting node itself (no script): the part of the cold start perfgoal cannot remove. */
export async function nodeStartMs(runs = 11): Promise<number> {
  const once = () =>
    new Promise<number>((resolve) => {
      const t0 = process.hrtime.bigint();
      spawn(process.execPath, ["-e", "0"], { stdio: "ignore" }).on("exit", () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
    });
  for (let i = 0; i < 2; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
