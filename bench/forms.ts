/**
 * Generate folders of forms from the seed (../shared/seed/): each a variant with its own department,
 * project and budget, in the seed's formats. Used by the benchmark and by the batch tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, unzipSync, zipSync } from "fflate";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The seed folder: ../shared/seed beside the project, or PERFGOAL_SEED. */
export function seedDir(): string {
  const candidates = [process.env.PERFGOAL_SEED, path.resolve(here, "../../shared/seed"), path.resolve(here, "../shared/seed")].filter(Boolean) as string[];
  const found = candidates.find((d) => existsSync(path.join(d, "hengdong-2023.txt")));
  if (!found) throw new Error(`seed forms not found (looked in ${candidates.join(", ")}); set PERFGOAL_SEED`);
  return found;
}

/** Seed variants by kind: the file and its extension. */
export const SEED_KINDS = {
  txt: "hengdong-2023.txt",
  pipes: "hengdong-2023.pipes.txt",
  webcopy: "hengdong-2023.webcopy.txt",
  docx: "hengdong-2023.docx",
  wordstyle: "hengdong-2023.wordstyle.docx",
  doc: "hengdong-2023.doc",
} as const;
export type SeedKind = keyof typeof SEED_KINDS;

const SEED_DEPARTMENT = "衡东县政府办";
const SEED_PROJECT = "衡东县政府办项目支出";
const SEED_BUDGET = "361";

/** Six-character departments, so that even the .doc (fixed-length text) can take them in place. */
export const DEPARTMENTS = ["衡东县政府办", "衡东县教育局", "衡东县卫健局", "衡东县财政局", "衡东县民政局", "衡东县交通局", "衡东县水利局", "衡东县农业局"];

export interface Variant {
  department: string;
  project: string;
  /** Three digits, so the .doc keeps its length. */
  budget: string;
}

/** The i-th variant: departments in turn, budgets 326…999 (some below the seed's cost sum of 326). */
export function variant(i: number): Variant {
  const department = DEPARTMENTS[i % DEPARTMENTS.length]!;
  return { department, project: `${department}项目支出${String(i).padStart(5, "0")}`, budget: String(300 + ((i * 37) % 700)) };
}

function substituteText(text: string, v: Variant): string {
  return text.replaceAll(SEED_PROJECT, v.project).replaceAll(SEED_DEPARTMENT, v.department).replace(SEED_BUDGET, v.budget);
}

/** A pipes-table text form with its indicator rows repeated `times` (5 = a form five times the seed's size). */
function enlargePipes(text: string, times: number): string {
  if (times <= 1) return text;
  const lines = text.split("\n");
  const rows = lines.filter((l) => /^\|\s*\|/.test(l));
  const last = lines.lastIndexOf(rows.at(-1)!);
  const extra: string[] = [];
  for (let k = 1; k < times; k++) for (const r of rows) extra.push(r.replace(/\|\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*([^|]+?)\s*\|/, (m, t1: string, t2: string, t3: string) => `|  | ${t1} | ${t2} | ${t3}${t3.trim() ? `（${k + 1}）` : ""} |`));
  lines.splice(last + 1, 0, ...extra);
  return lines.join("\n");
}

function substituteDocx(bytes: Uint8Array, v: Variant): Uint8Array {
  const files = unzipSync(bytes);
  const xml = new TextDecoder().decode(files["word/document.xml"]!);
  files["word/document.xml"] = strToU8(substituteText(xml, v));
  return zipSync(files, { level: 6 });
}

/** Replace text in a Word 97 file in place: same length, as UTF-16LE or as 8-bit text. */
function substituteDoc(bytes: Uint8Array, v: Variant): Uint8Array {
  const out = Buffer.from(bytes);
  const swap = (from: string, to: string) => {
    if (from.length !== to.length) return;
    for (const enc of ["utf16le", "latin1"] as const) {
      const a = Buffer.from(from, enc);
      const b = Buffer.from(to, enc);
      for (let at = out.indexOf(a); at >= 0; at = out.indexOf(a, at + b.length)) b.copy(out, at);
    }
  };
  swap(SEED_DEPARTMENT, v.department);
  swap(SEED_BUDGET, v.budget);
  return out;
}

const seedCache = new Map<string, Uint8Array>();
function seedBytes(kind: SeedKind): Uint8Array {
  let b = seedCache.get(kind);
  if (!b) seedCache.set(kind, (b = readFileSync(path.join(seedDir(), SEED_KINDS[kind]))));
  return b;
}

/** The bytes of variant `i` of a seed file; `times` > 1 enlarges text forms (pipes layout). */
export function formBytes(kind: SeedKind, i: number, times = 1): Uint8Array {
  const v = variant(i);
  const seed = seedBytes(kind);
  if (kind === "docx" || kind === "wordstyle") return substituteDocx(seed, v);
  if (kind === "doc") return substituteDoc(seed, v);
  let text = substituteText(new TextDecoder().decode(seed), v);
  if (kind === "pipes") text = enlargePipes(text, times);
  return strToU8(text);
}

export interface FolderOptions {
  count: number;
  /** Kinds to cycle through. */
  kinds?: readonly SeedKind[];
  /** Sub-folders (departments' submissions) to spread the forms over. */
  folders?: number;
}

/** Write `count` forms into `dir`, spread over sub-folders; returns their paths relative to `dir`. */
export function writeFormFolder(dir: string, options: FolderOptions): string[] {
  const kinds = options.kinds ?? (Object.keys(SEED_KINDS) as SeedKind[]);
  const folders = options.folders ?? 8;
  const written: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const kind = kinds[i % kinds.length]!;
    const sub = `部门${String((i % folders) + 1).padStart(2, "0")}`;
    const ext = path.extname(SEED_KINDS[kind]);
    const rel = path.join(sub, `${variant(i).project}-${kind}${ext}`);
    mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, rel), formBytes(kind, i));
    written.push(rel);
  }
  return written;
}
