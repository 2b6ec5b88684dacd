/**
 * What every bad input must satisfy, as reusable checks: one stderr line naming the file with its
 * reason and code, no stack trace, no output for it, nothing written elsewhere, inputs untouched.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../src/model/errors.js";
import { runCli, type CliRun } from "../cli/run-cli.js";

export { runCli, type CliRun };

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `pg-hostile-${prefix}-`));
}

/** Every entry below `root` (files by content hash, links by target, folders), for before/after comparison. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(root)) return out;
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.set(rel, `link:${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir:${(st.mode & 0o777).toString(8)}`);
        // A folder without read permission is listed as such (root can still read it).
        try {
          visit(full);
        } catch {
          /* unreadable for this user */
        }
      } else if (st.isFile()) {
        let hash = "unreadable";
        try {
          hash = createHash("sha256").update(readFileSync(full)).digest("hex");
        } catch {
          /* chmod 000 for a non-root user */
        }
        out.set(rel, `file:${hash}:${(st.mode & 0o777).toString(8)}`);
      } else out.set(rel, `special:${st.mode.toString(8)}`);
    }
  };
  visit(root);
  return out;
}

/** Entries added, removed or changed between two snapshots. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(before.has(k) ? `changed ${k}` : `added ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out.sort();
}

/** The stderr lines about the file `name` (`perfgoal: <name>: …`). */
export function linesNaming(stderr: string, name: string): string[] {
  return stderr.split("\n").filter((l) => l.startsWith(`perfgoal: ${name}: `));
}

/**
 * The one line for a refused file: `perfgoal: <name>: <reason>[：detail] [CODE]`, the reason in
 * the requested language. Returns the line.
 */
export function expectRefusalLine(stderr: string, name: string, code: ErrorCode, lang: "zh" | "en" = "zh"): string {
  const lines = linesNaming(stderr, name).filter((l) => /\[PG-E-[A-Z-]+\]$/.test(l));
  expect(lines, `one refusal line for ${name} in:\n${stderr}`).toHaveLength(1);
  const line = lines[0]!;
  const prefix = `perfgoal: ${name}: ${ERROR_CODES[code][lang]}`;
  expect(line.startsWith(prefix), `"${line}" starts with "${prefix}"`).toBe(true);
  expect(line.endsWith(`[${code}]`), `"${line}" ends with [${code}]`).toBe(true);
  return line;
}

/** No JavaScript stack trace anywhere in the output. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(native\))$/m);
  expect(text).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError): /);
}

/** Files below `dir` (recursive), relative, excluding nothing: temporary files included. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // Polled while a batch is still writing: a temporary file may be renamed between listing and lstat.
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => lstatSync(path.join(dir, f), { throwIfNoEntry: false })?.isFile() === true).sort();
}

/** True when this process can read files regardless of their mode (root). */
export function permissionsIgnored(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}
