import path from "node:path";
import type { InputFile } from "./expand.js";

export interface PlannedOutput {
  /** Absolute target path. */
  target: string;
  /** The target is one of the inputs: never written. */
  clashesWithInput: boolean;
}

/** The folder that holds every root (the roots themselves when there is one). */
function commonBase(roots: readonly string[]): string {
  if (roots.length === 0) return ".";
  const split = roots.map((r) => path.resolve(r).split(path.sep));
  const first = split[0]!;
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/**
 * Where each input's output goes under `outDir`: its path below its input folder, with the new
 * extension. Several input folders are mirrored below their common parent. Two inputs that would
 * give the same name (a.docx and a.txt) keep their own extension (a.docx.yaml, a.txt.yaml).
 * What planning cannot foresee (a case-insensitive file system) is refused when written.
 */
export function planOutputs(files: readonly InputFile[], outDir: string, extension: string, cwd: string): PlannedOutput[] {
  const outRoot = path.resolve(cwd, outDir);
  const base = commonBase([...new Set(files.map((f) => path.resolve(cwd, f.root)))]);
  const relative = files.map((f) => path.relative(base, path.resolve(cwd, f.file)));
  const stem = (rel: string) => rel.replace(/\.[^.\\/]*$/, "");
  const names = relative.map(stem);
  // Until every name is distinct, inputs sharing one keep their extension: a.docx and a.txt give
  // a.docx.yaml and a.txt.yaml, and then a.docx.txt (whose stem is a.docx) gives a.docx.txt.yaml.
  // A full relative path is unique, so each round turns at least one more and the loop ends.
  for (let changed = true; changed; ) {
    changed = false;
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    names.forEach((n, i) => {
      if ((counts.get(n) ?? 0) > 1 && n !== relative[i]) {
        names[i] = relative[i]!;
        changed = true;
      }
    });
  }
  const inputs = new Set(files.map((f) => path.resolve(cwd, f.file)));
  return names.map((name) => {
    const target = path.join(outRoot, name + extension);
    return { target, clashesWithInput: inputs.has(target) };
  });
}

/** `a/b.docx` → `a/b-2.docx` for the second form of a file that holds several. */
export function numberedTarget(target: string, index: number, count: number): string {
  return count > 1 ? target.replace(/\.docx$/i, `-${index + 1}.docx`) : target;
}
