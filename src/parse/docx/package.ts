import { PerfgoalError } from "../../model/errors.js";
import { doctypeRefusal, scanXml, XmlScanError } from "./xml-scan.js";
import { findEntry, readEntry, type InflateBudget, type ZipArchive, type ZipEntry } from "./zip.js";

/** The small package parts are tiny; a few MB is already absurd for them. */
const MAX_SMALL_PART = 4 * 1024 * 1024;

const OFFICE_DOCUMENT_REL = /\/officeDocument$/;
const WORD_MAIN_TYPES = /wordprocessingml\.(document|template)\.main\+xml$|ms-word\.(document|template)\.macroEnabled(\.main)?\+xml$/i;
const FALLBACK_MAIN = "word/document.xml";

/**
 * Find the main document part of a Word package: the officeDocument relation in `_rels/.rels`,
 * else the part whose content type says it is the main document, else `word/document.xml`.
 * Names come from the archive and are only used as lookup keys (never as file paths).
 */
export function findMainDocument(zip: ZipArchive, budget: InflateBudget): ZipEntry {
  const candidates: string[] = [];
  const rels = findEntry(zip, "_rels/.rels");
  if (rels) {
    for (const { type, target } of readRelationships(readSmallPart(zip, rels, budget))) {
      if (OFFICE_DOCUMENT_REL.test(type)) candidates.push(resolvePartName(target));
    }
  }
  const types = findEntry(zip, "[Content_Types].xml");
  if (types) {
    for (const { partName, contentType } of readOverrides(readSmallPart(zip, types, budget))) {
      if (WORD_MAIN_TYPES.test(contentType)) candidates.push(resolvePartName(partName));
    }
  }
  candidates.push(FALLBACK_MAIN);
  for (const name of candidates) {
    const entry = name ? findEntry(zip, name) : undefined;
    if (entry) return entry;
  }
  const other = describeOtherPackage(zip);
  throw new PerfgoalError("PG-E-FORMAT", {
    zh: `zip 压缩包，但不是 Word 文档（没有 ${FALLBACK_MAIN}）${other.zh}`,
    en: `a zip archive but not a Word document (no ${FALLBACK_MAIN})${other.en}`,
  });
}

const STYLES_REL = /\/styles$/;
/** Styles parts are some hundred kilobytes; this is already far beyond one. */
const MAX_STYLES_PART = 16 * 1024 * 1024;

/**
 * The styles part of the main document (its `styles` relation, else `word/styles.xml`), or
 * undefined when the package has none.
 */
export function findStylesPart(zip: ZipArchive, main: ZipEntry, budget: InflateBudget): Uint8Array | undefined {
  const slash = main.name.lastIndexOf("/");
  const folder = slash < 0 ? "" : main.name.slice(0, slash + 1);
  const rels = findEntry(zip, `${folder}_rels/${main.name.slice(slash + 1)}.rels`);
  let entry: ZipEntry | undefined;
  if (rels) {
    for (const { type, target } of readRelationships(readSmallPart(zip, rels, budget))) {
      if (!STYLES_REL.test(type)) continue;
      const name = resolvePartName(target.startsWith("/") ? target : folder + target);
      entry = name ? findEntry(zip, name) : undefined;
      if (entry) break;
    }
  }
  entry ??= findEntry(zip, "word/styles.xml");
  return entry ? readEntry(zip, entry, budget, MAX_STYLES_PART) : undefined;
}

/** Name the kind of package when it is recognisably something else (Excel, PowerPoint, ODF). */
function describeOtherPackage(zip: ZipArchive): { zh: string; en: string } {
  if (findEntry(zip, "xl/workbook.xml")) return { zh: "，像是 Excel 工作簿", en: ", apparently an Excel workbook" };
  if (findEntry(zip, "ppt/presentation.xml")) return { zh: "，像是 PowerPoint 演示文稿", en: ", apparently a PowerPoint presentation" };
  if (findEntry(zip, "mimetype") && findEntry(zip, "content.xml")) {
    return { zh: "，像是 OpenDocument（WPS/LibreOffice 的 .odt 等）文件，请另存为 .docx", en: ", apparently an OpenDocument file (.odt from WPS/LibreOffice …): save it as .docx" };
  }
  return { zh: "", en: "" };
}

/**
 * A part name from a relationship target, relative to the package root. Targets that climb out
 * of the package (`../`) resolve to nothing rather than to some other entry.
 */
export function resolvePartName(target: string): string {
  const parts: string[] = [];
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return "";
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join("/");
}

function readSmallPart(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  return readEntry(zip, entry, budget, MAX_SMALL_PART);
}

function readRelationships(xml: Uint8Array): { type: string; target: string }[] {
  const out: { type: string; target: string }[] = [];
  scanElements(xml, (local, attrs) => {
    if (local === "Relationship" && attrs["TargetMode"] !== "External") out.push({ type: attrs["Type"] ?? "", target: attrs["Target"] ?? "" });
  });
  return out;
}

function readOverrides(xml: Uint8Array): { partName: string; contentType: string }[] {
  const out: { partName: string; contentType: string }[] = [];
  scanElements(xml, (local, attrs) => {
    if (local === "Override") out.push({ partName: attrs["PartName"] ?? "", contentType: attrs["ContentType"] ?? "" });
  });
  return out;
}

/**
 * Visit every element of a small package part. A damaged part is ignored (the main document is
 * then looked up by its usual name); a DOCTYPE is refused like everywhere else.
 */
function scanElements(xml: Uint8Array, visit: (local: string, attrs: Record<string, string>) => void): void {
  try {
    scanXml(xml, {
      open(name, attrs) {
        const colon = name.indexOf(":");
        visit(colon < 0 ? name : name.slice(colon + 1), attrs.all());
      },
      close() {},
      wantsText: () => false,
      text() {},
    });
  } catch (e) {
    if (!(e instanceof XmlScanError)) throw e;
    if (e.kind === "doctype") throw doctypeRefusal();
  }
}
