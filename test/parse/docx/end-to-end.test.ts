import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PerfgoalError } from "../../../src/model/errors.js";
import { detectFormat } from "../../../src/parse/detect.js";
import { parseBuffer, parseFile } from "../../../src/parse/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const example = (name: string) => path.join(root, "examples", name);

/** The forms without their `source` (file name, format, encoding differ by input). */
async function formsOf(file: string) {
  const result = await parseFile(file);
  return result.forms.map(({ form }) => ({ ...form, source: undefined }));
}

describe("Word files through the whole parse", () => {
  it("the seed .docx, its Word-style and LibreOffice copies and the .doc give the same Form as the seed text", async () => {
    const fromText = await formsOf(example("hengdong-2023.txt"));
    expect(fromText.length).toBe(1);
    for (const file of [example("hengdong-2023.docx"), example("hengdong-2023.wordstyle.docx"), example("hengdong-2023.doc"), path.join(root, "test/fixtures/hengdong-2023.lo.docx")]) {
      expect(await formsOf(file), path.basename(file)).toEqual(fromText);
    }
  });

  it("records the format read", async () => {
    expect((await parseFile(example("hengdong-2023.doc"))).forms[0]!.form.source).toMatchObject({ file: "hengdong-2023.doc", format: "doc" });
    expect((await parseFile(example("hengdong-2023.docx"))).forms[0]!.form.source).toMatchObject({ format: "docx" });
  });

  it("decides by content, not name: a .doc renamed .docx and a .docx renamed .doc both parse, with a warning", async () => {
    const doc = readFileSync(example("hengdong-2023.doc"));
    const docx = readFileSync(example("hengdong-2023.docx"));
    const a = await parseBuffer(doc, "表格.docx");
    expect(a.format).toBe("doc");
    expect(a.forms.length).toBe(1);
    expect(a.warnings.join()).toContain(".docx");
    const b = await parseBuffer(docx, "表格.doc");
    expect(b.format).toBe("docx");
    expect(b.warnings.join()).toContain(".doc");
    expect(a.forms[0]!.form.indicators).toEqual(b.forms[0]!.form.indicators);
  });

  it("web pages and RTF saved as .doc are named, not misread", async () => {
    const cases: [string, string][] = [
      ['<html xmlns:v="urn:schemas-microsoft-com:vml"><body><table><tr><td>项目名称</td></tr></table></body></html>', "HTML"],
      ["<!-- saved from url=(0014)about:internet -->\n<html><body>x</body></html>", "HTML"],
      ["<table border=1><tr><td>项目名称</td></tr></table>", "HTML"],
      ['MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart"\n\n', "HTML"],
      ["{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}项目名称}", "RTF"],
    ];
    for (const [text, kind] of cases) {
      const err = await parseBuffer(new TextEncoder().encode(text), "申报表.doc").catch((e: unknown) => e);
      expect(err, text).toBeInstanceOf(PerfgoalError);
      expect((err as PerfgoalError).code).toBe("PG-E-FORMAT");
      expect((err as PerfgoalError).detail).toBe(kind);
      expect((err as PerfgoalError).file).toBe("申报表.doc");
    }
  });

  it("detection ignores the name for Word containers", () => {
    const doc = readFileSync(example("hengdong-2023.doc"));
    const docx = readFileSync(example("hengdong-2023.docx"));
    expect(detectFormat(doc, "x.docx")).toBe("cfb");
    expect(detectFormat(docx, "x.doc")).toBe("zip");
    expect(detectFormat(docx, "x.txt")).toBe("zip");
    expect(detectFormat(new TextEncoder().encode("项目名称\t衡东县"), "x.doc")).toBe("txt");
  });
});
