/**
 * The workbook-level parts of an .xlsx package: the sheet list, relationships, shared strings and
 * number formats. Parts are inflated through the project's zip reader (its caps and CRC checks)
 * and scanned with its XML scanner (no DOCTYPE, no entity beyond the predefined five).
 */
import { PerfgoalError } from "../../model/errors.js";
import { resolvePartName } from "../docx/package.js";
import { doctypeRefusal, scanXml, XmlScanError, type XmlAttributes } from "../docx/xml-scan.js";
import { findEntry, readEntry, type InflateBudget, type ZipArchive } from "../docx/zip.js";
import { builtinFormat } from "./number-format.js";

/** Workbook, relationships and styles parts are small; sheets and shared strings may be large. */
const MAX_SMALL_PART = 16 * 1024 * 1024;
/** Shared strings held for a workbook (each one a cell text at most). */
export const MAX_SHARED_STRINGS = 1_000_000;
/** Characters of all shared strings together. */
export const MAX_SHARED_CHARS = 50_000_000;

const SPREADSHEET_MAIN = /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** `hidden` or `veryHidden` (only through code) when the sheet is not shown. */
  state: string;
  /** The part it lives in, or undefined when its relationship is missing. */
  part: string | undefined;
  /** A chart sheet or dialog sheet: no cells to read. */
  kind: "worksheet" | "other";
}

export interface WorkbookParts {
  mainPart: string;
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStrings: string[];
  /** Number format code per cell style index (cellXfs). */
  styleFormats: (string | undefined)[];
  /** External workbooks the package links to: the link part and its target, never opened. */
  externalLinks: { part: string; target: string }[];
}

/** Local name of an element (spreadsheet parts are written with and without a prefix). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * The main workbook part, if this zip is a spreadsheet package: the part whose content type says
 * so, else the officeDocument relation's target when it is a workbook part, else `xl/workbook.xml`.
 */
export function findWorkbookPart(zip: ZipArchive, budget: InflateBudget): string | undefined {
  try {
    return declaredWorkbookPart(zip, budget);
  } catch (e) {
    // Damaged package parts are the Word reader's to report when this is no workbook.
    if (e instanceof PerfgoalError) return findEntry(zip, "xl/workbook.xml") ? "xl/workbook.xml" : undefined;
    throw e;
  }
}

function declaredWorkbookPart(zip: ZipArchive, budget: InflateBudget): string | undefined {
  const types = readSmall(zip, "[Content_Types].xml", budget);
  if (types) {
    let found: string | undefined;
    scan(types, "[Content_Types].xml", (local, attrs) => {
      if (found || local !== "Override" || !SPREADSHEET_MAIN.test(attrs.get("ContentType") ?? "")) return;
      const name = resolvePartName(attrs.get("PartName") ?? "");
      if (name && findEntry(zip, name)) found = name;
    });
    if (found) return found;
  }
  const rels = readSmall(zip, "_rels/.rels", budget);
  for (const r of rels ? relationships(rels) : []) {
    const name = resolvePartName(r.target);
    if (/\/officeDocument$/.test(r.type) && !r.external && /(^|\/)workbook\.xml$/i.test(name) && findEntry(zip, name)) return name;
  }
  return findEntry(zip, "xl/workbook.xml") ? "xl/workbook.xml" : undefined;
}

export function readWorkbookParts(zip: ZipArchive, mainPart: string, budget: InflateBudget): WorkbookParts {
  const folder = mainPart.includes("/") ? mainPart.slice(0, mainPart.lastIndexOf("/") + 1) : "";
  const relsName = `${folder}_rels/${mainPart.slice(folder.length)}.rels`;
  const rels = new Map<string, Relationship>();
  const relsBytes = readSmall(zip, relsName, budget);
  if (relsBytes) for (const r of relationships(relsBytes)) rels.set(r.id, r);
  const partOf = (target: string) => resolvePartName(target.startsWith("/") ? target : folder + target);

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const workbook = readSmall(zip, mainPart, budget);
  if (!workbook) throw new PerfgoalError("PG-E-CORRUPT", { zh: `工作簿缺少 ${mainPart}`, en: `workbook part ${mainPart} missing` });
  scan(workbook, mainPart, (local, attrs) => {
    if (local === "workbookPr") date1904 = ["1", "true"].includes(attrs.get("date1904") ?? "");
    if (local !== "sheet") return;
    const rel = rels.get(relId(attrs) ?? "");
    const kind = rel && /\/(worksheet|xlsxWorksheet)$/.test(rel.type) ? "worksheet" : "other";
    sheets.push({ name: attrs.get("name") ?? `Sheet${sheets.length + 1}`, state: attrs.get("state") ?? "visible", part: rel && !rel.external ? partOf(rel.target) : undefined, kind: rel ? kind : "worksheet" });
  });

  const byType = (suffix: RegExp) => [...rels.values()].filter((r) => suffix.test(r.type));
  const sstRel = byType(/\/sharedStrings$/)[0];
  const sstPart = sstRel ? partOf(sstRel.target) : findEntry(zip, `${folder}sharedStrings.xml`) ? `${folder}sharedStrings.xml` : undefined;
  const stylesRel = byType(/\/styles$/)[0];
  const stylesPart = stylesRel ? partOf(stylesRel.target) : findEntry(zip, `${folder}styles.xml`) ? `${folder}styles.xml` : undefined;

  const externalLinks: { part: string; target: string }[] = [];
  for (const r of byType(/\/externalLink$/)) externalLinks.push({ part: partOf(r.target), target: externalTarget(zip, partOf(r.target), budget) });
  // Link parts no relationship names are still links a user may be asked to update.
  for (const entry of zip.entries.values()) {
    if (/^(.*\/)?externalLinks\/[^/]+\.xml$/i.test(entry.name) && !externalLinks.some((l) => l.part.toLowerCase() === entry.name.toLowerCase())) {
      externalLinks.push({ part: entry.name, target: externalTarget(zip, entry.name, budget) });
    }
  }

  return {
    mainPart,
    sheets,
    date1904,
    sharedStrings: sstPart ? readSharedStrings(zip, sstPart, budget) : [],
    styleFormats: stylesPart ? readStyleFormats(zip, stylesPart, budget) : [],
    externalLinks,
  };
}

function relId(attrs: XmlAttributes): string | undefined {
  for (let i = 0; i < attrs.count; i++) if (localName(attrs.nameAt(i)) === "id" && attrs.nameAt(i).includes(":")) return attrs.valueAt(i);
  return attrs.get("r:id");
}

/** The workbook an external link part points at (its relationship's target), for the warning only. */
function externalTarget(zip: ZipArchive, part: string, budget: InflateBudget): string {
  const slash = part.lastIndexOf("/");
  const rels = readSmall(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, budget);
  if (!rels) return "";
  return relationships(rels).find((r) => /\/(externalLinkPath|xlExternalLinkPath\/xlPathMissing)$/.test(r.type) || r.external)?.target ?? "";
}

export function readSmall(zip: ZipArchive, name: string, budget: InflateBudget): Uint8Array | undefined {
  const entry = findEntry(zip, name);
  return entry ? readEntry(zip, entry, budget, MAX_SMALL_PART) : undefined;
}

export function relationships(xml: Uint8Array): Relationship[] {
  const out: Relationship[] = [];
  scan(xml, "rels", (local, attrs) => {
    if (local === "Relationship") out.push({ id: attrs.get("Id") ?? "", type: attrs.get("Type") ?? "", target: attrs.get("Target") ?? "", external: attrs.get("TargetMode") === "External" });
  });
  return out;
}

/** Visit every element of a part; malformed XML is PG-E-XML naming the part, a DOCTYPE refused. */
export function scan(xml: Uint8Array, part: string, open: (local: string, attrs: XmlAttributes) => void, handler?: { close?: () => void; text?: (t: string) => void; wantsText?: () => boolean }): void {
  try {
    scanXml(xml, {
      open: (name, attrs) => open(localName(name), attrs),
      close: () => handler?.close?.(),
      wantsText: () => handler?.wantsText?.() ?? false,
      text: (t) => handler?.text?.(t),
    });
  } catch (e) {
    throw xmlFailure(e, part);
  }
}

export function xmlFailure(e: unknown, part: string): unknown {
  if (!(e instanceof XmlScanError)) return e;
  if (e.kind === "doctype") return doctypeRefusal();
  if (e.kind === "truncated") return new PerfgoalError("PG-E-CORRUPT", { zh: `${part} 不完整（文件可能被截断）`, en: `${part} is incomplete (the file may be truncated)` });
  return new PerfgoalError("PG-E-XML", { zh: `${part}：${e.message}`, en: `${part}: ${e.message}` });
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return);
 * decoded, with control characters other than tab and line feed dropped.
 */
export function unescapeOoxml(s: string): string {
  const decoded = s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
  return decoded.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/**
 * Shared strings: each `si` is its `t`, or its runs' `t`s joined; phonetic guides (`rPh`) are
 * not part of the text.
 */
function readSharedStrings(zip: ZipArchive, part: string, budget: InflateBudget): string[] {
  const entry = findEntry(zip, part);
  if (!entry) return [];
  const xml = readEntry(zip, entry, budget);
  const out: string[] = [];
  let chars = 0;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let cur = "";
  const stack: string[] = [];
  scan(
    xml,
    part,
    (local) => {
      stack.push(local);
      if (local === "si") {
        inSi = true;
        cur = "";
      } else if (local === "rPh") phonetic++;
      else if (local === "t") inT = inSi && phonetic === 0;
    },
    {
      close: () => {
        const local = stack.pop();
        if (local === "si") {
          if (out.length >= MAX_SHARED_STRINGS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `共享字符串超过 ${MAX_SHARED_STRINGS} 个`, en: `more than ${MAX_SHARED_STRINGS} shared strings` });
          chars += cur.length;
          if (chars > MAX_SHARED_CHARS) throw new PerfgoalError("PG-E-TOO-LARGE", { zh: `共享字符串超过 ${MAX_SHARED_CHARS} 个字符`, en: `shared strings over ${MAX_SHARED_CHARS} characters` });
          out.push(unescapeOoxml(cur));
          inSi = false;
        } else if (local === "rPh") phonetic--;
        else if (local === "t") inT = false;
      },
      wantsText: () => inT,
      text: (t) => {
        cur += t;
      },
    },
  );
  return out;
}

/** Number format code per `cellXfs` entry: custom codes from `numFmts`, else the built-in ones. */
function readStyleFormats(zip: ZipArchive, part: string, budget: InflateBudget): (string | undefined)[] {
  const xml = readSmall(zip, part, budget);
  if (!xml) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const stack: string[] = [];
  scan(
    xml,
    part,
    (local, attrs) => {
      stack.push(local);
      if (local === "numFmt") custom.set(Number(attrs.get("numFmtId")), attrs.get("formatCode") ?? "");
      else if (local === "xf" && stack[stack.length - 2] === "cellXfs") ids.push(Number(attrs.get("numFmtId") ?? 0));
    },
    { close: () => void stack.pop() },
  );
  return ids.map((id) => custom.get(id) ?? builtinFormat(id));
}
