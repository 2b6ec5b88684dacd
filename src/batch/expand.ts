import { promises as fs } from "node:fs";
import path from "node:path";

/** Extensions perfgoal reads when it walks a folder (explicitly named files are always tried). */
export const FORM_EXTENSIONS = [".docx", ".doc", ".txt", ".yaml", ".yml", ".wps"];

export interface ExpandedInputs {
  /** Files to process, with the input root each came from (for mirroring into --out-dir). */
  files: { file: string; root: string }[];
  /** Passed over on purpose: Word lock files, hidden files, other types. */
  skipped: { file: string; reason: "lock" | "hidden" | "unsupported" | "special" | "link-loop" }[];
  /** Paths that do not exist. */
  missing: string[];
}

function skipReason(name: string): "lock" | "hidden" | "unsupported" | undefined {
  if (name.startsWith("~$")) return "lock";
  if (name.startsWith(".")) return "hidden";
  if (!FORM_EXTENSIONS.includes(path.extname(name).toLowerCase())) return "unsupported";
  return undefined;
}

/** Expand files and folders (recursively) into a sorted list of form files. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], skipped: [], missing: [] };
  const seenDirs = new Set<string>();
  async function walk(dir: string, root: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch {
      out.skipped.push({ file: dir, reason: "link-loop" });
      return;
    }
    if (seenDirs.has(real)) {
      out.skipped.push({ file: dir, reason: "link-loop" });
      return;
    }
    seenDirs.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith(".")) {
        out.skipped.push({ file: full, reason: "hidden" });
        continue;
      }
      let stat;
      try {
        stat = await fs.stat(full);
      } catch {
        out.skipped.push({ file: full, reason: "link-loop" });
        continue;
      }
      if (stat.isDirectory()) await walk(full, root);
      else if (!stat.isFile()) out.skipped.push({ file: full, reason: "special" });
      else {
        const reason = skipReason(e.name);
        if (reason) out.skipped.push({ file: full, reason });
        else out.files.push({ file: full, root });
      }
    }
  }
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch {
      out.missing.push(input);
      continue;
    }
    if (stat.isDirectory()) await walk(path.isAbsolute(input) ? input : path.relative(cwd, abs) || ".", path.isAbsolute(input) ? input : path.relative(cwd, abs) || ".");
    else if (path.basename(input).startsWith("~$")) out.skipped.push({ file: input, reason: "lock" });
    else out.files.push({ file: input, root: path.dirname(input) });
  }
  return out;
}
