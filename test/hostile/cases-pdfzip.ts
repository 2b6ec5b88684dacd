/**
 * Hostile PDFs and submission archives, built in memory: archives that bomb (by ratio and by
 * absolute size), hold 10 000 entries, nest too deep or name paths outside; PDFs whose xref
 * loops, whose object stream holds itself, with 500 pages, or with a content stream that
 * inflates to hundreds of megabytes of drawing.
 */
import { createDeflate } from "node:zlib";
import { makeZip } from "../fixtures/make-zip-fixtures.js";

export interface PdfZipCase {
  file: string;
  why: string;
  build: () => Uint8Array | Promise<Uint8Array>;
  /** The line naming this file (an entry of an archive is named `a.zip!/…`) and the codes it may give. */
  refused: { name: string; codes: string[] }[];
}

const latin1 = (s: string) => Buffer.from(s, "latin1");

/** A PDF from its objects' bodies (object n is bodies[n-1]), with a classic xref table. */
export function pdfOf(bodies: (string | Buffer)[], trailer = "/Root 1 0 R", prevToSelf = false): Uint8Array {
  const parts: Buffer[] = [latin1("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === "string" ? latin1(body) : body, latin1("\nendobj\n")]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = length;
  const table = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  // A trailer whose /Prev is its own xref: readers that follow /Prev without remembering loop forever.
  const prev = prevToSelf ? ` /Prev ${xref}` : "";
  parts.push(latin1(`${table}trailer\n<< /Size ${bodies.length + 1} ${trailer}${prev} >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

const stream = (dict: string, data: Buffer) => Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1("\nendstream")]);
const FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const textPage = (contents: number, font: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R >>`;

/** One page of text (no form on it) with an xref whose /Prev points at itself. */
function xrefLoopPdf(): Uint8Array {
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", textPage(4, 5), stream("", latin1("BT /F1 12 Tf 72 720 Td (loop) Tj ET")), FONT], "/Root 1 0 R", true);
}

/**
 * The catalog kept in an object stream that the cross-reference stream says is kept in itself:
 * fetching the catalog needs the stream, which needs itself.
 */
function selfContainedObjectStream(): Uint8Array {
  const header = latin1("%PDF-1.7\n");
  const inner = latin1("1 0 << /Type /Catalog /Pages 2 0 R >>");
  const objStm = Buffer.concat([latin1("5 0 obj\n"), stream(`/Type /ObjStm /N 1 /First 4 /Extends 5 0 R`, inner), latin1("\nendobj\n")]);
  const objStmAt = header.length;
  const xrefAt = objStmAt + objStm.length;
  // Entries of /W [1 4 2]: type 2 = "in object stream n, index i". Object 5 is "in stream 5".
  const entry = (type: number, a: number, b: number) => Buffer.from([type, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255]);
  const rows = Buffer.concat([entry(0, 0, 65535), entry(2, 5, 0), entry(0, 0, 0), entry(0, 0, 0), entry(0, 0, 0), entry(2, 5, 0), entry(1, xrefAt, 0)]);
  const xref = Buffer.concat([latin1("6 0 obj\n"), stream(`/Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R`, rows), latin1("\nendobj\n")]);
  return new Uint8Array(Buffer.concat([header, objStm, xref, latin1(`startxref\n${xrefAt}\n%%EOF\n`)]));
}

/** 500 pages of one line each: more than a form has, refused before the pages are read. */
function manyPagesPdf(pages = 500): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(" ");
  const pageObjs = Array.from({ length: pages }, () => textPage(3, 3 + pages + 1));
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, stream("", latin1("BT /F1 12 Tf 72 720 Td (page) Tj ET")), ...pageObjs, FONT]);
}

/** A page whose deflated content stream (under a megabyte) draws `megabytes` MB of line segments. */
async function hugeContentPdf(megabytes: number): Promise<Uint8Array> {
  const chunk = latin1("0 0 m 10 10 l S\n".repeat(65536));
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  for (let i = 0; i < Math.ceil((megabytes * 1024 * 1024) / chunk.length); i++) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(out);
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", textPage(4, 5), stream("/Filter /FlateDecode", data), FONT]);
}

const seedText = () => new TextEncoder().encode("附件2：\n");

/** 20 MB of zeros: deflates about 1000 to 1. */
const ratioBomb = () => makeZip([{ name: "炸弹.docx", data: new Uint8Array(20 * 1024 * 1024) }]);

/** 70 MB that packs only about 6 to 1 (random bytes between runs of zeros): within the ratio, over the size cap. */
function sizeBomb(): Uint8Array {
  const data = new Uint8Array(70 * 1024 * 1024);
  let x = 2463534242;
  for (let i = 0; i < data.length; i += 8) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = x & 255;
  }
  return makeZip([{ name: "大文件.txt", data }]);
}

function tenThousandEntries(): Uint8Array {
  return makeZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `表${i}.txt`, data: seedText(), method: 0 as const })));
}

function nestedThreeDeep(): Uint8Array {
  const c = makeZip([{ name: "表.txt", data: seedText() }]);
  const b = makeZip([{ name: "三层.zip", data: c }]);
  const a = makeZip([{ name: "二层.zip", data: b }]);
  return makeZip([{ name: "一层.zip", data: a }]);
}

export const PDFZIP_CASES: PdfZipCase[] = [
  { file: "比例炸弹.zip", why: "an entry of 20 MB of zeros (deflate 1000:1)", build: ratioBomb, refused: [{ name: "比例炸弹.zip!/炸弹.docx", codes: ["PG-E-ZIP-BOMB"] }] },
  { file: "大小炸弹.zip", why: "an entry of 70 MB packing only 6:1, over the 64 MB an entry may inflate to", build: sizeBomb, refused: [{ name: "大小炸弹.zip!/大文件.txt", codes: ["PG-E-ZIP-BOMB"] }] },
  { file: "一万条目.zip", why: "10 000 entries", build: tenThousandEntries, refused: [{ name: "一万条目.zip", codes: ["PG-E-TOO-LARGE"] }] },
  { file: "嵌套.zip", why: "archives nested four deep (the third level is not opened)", build: nestedThreeDeep, refused: [{ name: "嵌套.zip!/一层.zip!/二层.zip", codes: ["PG-E-TOO-LARGE"] }] },
  { file: "xref 循环.pdf", why: "a PDF whose xref /Prev points at itself", build: xrefLoopPdf, refused: [{ name: "xref 循环.pdf", codes: ["PG-E-NO-TABLE", "PG-E-CORRUPT"] }] },
  { file: "对象流 自指.pdf", why: "a PDF whose object stream is said to be kept in itself", build: selfContainedObjectStream, refused: [{ name: "对象流 自指.pdf", codes: ["PG-E-CORRUPT"] }] },
  { file: "五百页.pdf", why: "a PDF of 500 pages", build: () => manyPagesPdf(500), refused: [{ name: "五百页.pdf", codes: ["PG-E-TOO-LARGE"] }] },
  {
    file: "巨大内容流.pdf",
    why: "a page whose 600 KB content stream inflates to 300 MB of drawing",
    build: () => hugeContentPdf(300),
    refused: [{ name: "巨大内容流.pdf", codes: ["PG-E-TOO-LARGE"] }],
  },
];

