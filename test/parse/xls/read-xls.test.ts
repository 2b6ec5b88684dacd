import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPerfgoalError } from "../../../src/model/errors.js";
import { formatLocation, locate } from "../../../src/model/location.js";
import { parseBuffer, parseFile } from "../../../src/parse/index.js";
import { formsOnly, ROOT, SEED_DOCX, SHEETS } from "../xlsx/helpers.js";
import { records, sstRecords, sstStrings, stream, T, u16, u32, workbookStream, xlsOf, type Rec } from "./biff-builder.js";

const seedForms = formsOnly(await parseFile(SEED_DOCX));
const seedRecords = records(workbookStream(readFileSync(path.join(SHEETS, "hengdong-2023.xls"))));

async function refusal(bytes: Uint8Array, name = "表.xls"): Promise<{ code: string; zh: string; en: string }> {
  try {
    await parseBuffer(bytes, name);
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    return { code: e.code, zh: e.describe("zh"), en: e.describe("en") };
  }
  throw new Error(`${name} was read`);
}

/** The seed's records with `edit` applied, as an .xls. */
function edited(edit: (recs: Rec[]) => Rec[], keepOffsets = false): Uint8Array {
  return xlsOf(stream(edit(seedRecords.map((r) => ({ ...r, data: r.data.slice() }))), keepOffsets));
}

/** The SST record replaced by `replacement`. */
function withSst(replacement: Rec[]): (recs: Rec[]) => Rec[] {
  return (recs) => recs.flatMap((r) => (r.type === T.SST ? replacement : [r]));
}

const seedStrings = sstStrings(seedRecords.find((r) => r.type === T.SST)!.data);

describe("the seed as an .xls (BIFF8, saved by LibreOffice Calc)", () => {
  it("parses to the same form as the seed .docx; only the source differs", async () => {
    const r = await parseFile(path.join(SHEETS, "hengdong-2023.xls"));
    expect(r.format).toBe("xls");
    expect(r.warnings).toEqual([]);
    expect(formsOnly(r)).toEqual(seedForms);
    expect(r.forms[0]!.form.source).toMatchObject({ format: "xls" });
    expect(formatLocation(locate(r.forms[0]!.sourceMap, "funding.total"))).toBe("Sheet1!B5");
  });

  it("the flat export: two projects, one Form each, amounts through their number format", async () => {
    const r = await parseFile(path.join(SHEETS, "l6-flat-2023.xls"));
    expect(formsOnly(r)).toEqual(formsOnly(await parseFile(path.join(ROOT, "test/fixtures/layouts/l6-flat-2023.docx"))));
  });

  it("the records put back together read the same (the test builder changes nothing by itself)", async () => {
    expect(formsOnly(await parseBuffer(edited((r) => r), "同.xls"))).toEqual(seedForms);
  });

  it("an .xls named .doc is read as a workbook, with a remark", async () => {
    const r = await parseBuffer(readFileSync(path.join(SHEETS, "hengdong-2023.xls")), "表.doc");
    expect(formsOnly(r)).toEqual(seedForms);
    expect(r.warnings).toEqual(["扩展名为 .doc，内容实为 xls 格式，已按内容读取"]);
  });
});

describe("shared strings over CONTINUE records", () => {
  it("strings split inside their characters, wide and one-byte, read whole", async () => {
    for (const limit of [64, 101, 1000]) {
      const recs = sstRecords(seedStrings, limit);
      expect(recs.length, `limit ${limit}`).toBeGreaterThan(3);
      expect(formsOnly(await parseBuffer(edited(withSst(recs)), "续.xls")), `limit ${limit}`).toEqual(seedForms);
    }
  });

  it("empty CONTINUE records in between are passed over", async () => {
    const recs = sstRecords(seedStrings, 200);
    const padded = recs.flatMap((r, i) => (i === 0 ? [r] : [{ type: T.CONTINUE, data: new Uint8Array(0) }, r]));
    expect(formsOnly(await parseBuffer(edited(withSst(padded)), "空续.xls"))).toEqual(seedForms);
  });

  it("a count that claims more strings than the records hold is damage", async () => {
    const r = await refusal(edited(withSst(sstRecords(seedStrings, 8000, seedStrings.length + 5))));
    expect(r.code).toBe("PG-E-CORRUPT");
    expect(r.zh).toContain(`声称有 ${seedStrings.length + 5} 个字符串，实际只有 ${seedStrings.length} 个`);
    expect((await refusal(edited(withSst(sstRecords(seedStrings, 8000, 0xffffffff))))).code).toBe("PG-E-TOO-LARGE");
  });

  it("a string longer than its records is damage, not a read past them", async () => {
    const liar = { type: T.SST, data: Uint8Array.from([...u32(1), ...u32(1), ...u16(60000), 1, 0x41, 0]) };
    expect((await refusal(edited(withSst([liar])))).code).toBe("PG-E-CORRUPT");
  });

  it("a label pointing past the table is damage", async () => {
    const r = await refusal(
      edited((recs) =>
        recs.map((rec) => {
          if (rec.type !== T.LABELSST) return rec;
          const data = rec.data.slice();
          new DataView(data.buffer).setUint32(6, 999_999, true);
          return { ...rec, data };
        }),
      ),
    );
    expect(r.code).toBe("PG-E-CORRUPT");
  });
});

describe("refusals", () => {
  it("password protection (FILEPASS) is PG-E-ENCRYPTED", async () => {
    const r = await refusal(edited((recs) => [recs[0]!, { type: T.FILEPASS, data: Uint8Array.from([1, 0, 1, 0, 2, 0, ...new Array(48).fill(0)]) }, ...recs.slice(1)]));
    expect(r.code).toBe("PG-E-ENCRYPTED");
    expect(r.zh).toContain("受密码保护的 Excel 工作簿");
  });

  it("Excel 5.0/95: a Book stream, or a BIFF5 BOF, is one clear line", async () => {
    const book = await refusal(xlsOf(stream(seedRecords), "Book"));
    expect(book.code).toBe("PG-E-FORMAT");
    expect(book.zh).toContain("Excel 5.0/95 或更早的工作簿");
    expect(book.en).toContain("Excel 5.0/95 or older workbook");
    const biff5 = await refusal(
      edited((recs) => {
        new DataView(recs[0]!.data.buffer).setUint16(0, 0x0500, true);
        return recs;
      }),
    );
    expect(biff5.code).toBe("PG-E-FORMAT");
  });

  it("a sheet offset outside the stream, or not at a BOF, is damage", async () => {
    const pointing = (offset: number) =>
      edited((recs) => {
        new DataView(recs.find((r) => r.type === T.BOUNDSHEET)!.data.buffer).setUint32(0, offset, true);
        return recs;
      }, true);
    const outside = await refusal(pointing(0x7fffffff));
    expect(outside.code).toBe("PG-E-CORRUPT");
    expect(outside.zh).toContain("指向数据流之外");
    expect((await refusal(pointing(20))).code).toBe("PG-E-CORRUPT");
  });

  it("a file cut short inside its allocation table is damage, not a read past the end", async () => {
    const r = await refusal(readFileSync(path.join(SHEETS, "hengdong-2023.xls")).subarray(0, 995));
    expect(r.code).toBe("PG-E-CORRUPT");
    expect(r.zh).toContain("文件可能被截断");
  });

  it("a truncated record is damage", async () => {
    const s = stream(seedRecords);
    expect((await refusal(xlsOf(s.subarray(0, s.length - 10)))).code).toBe("PG-E-CORRUPT");
  });
});

describe("what the sheet does not show", () => {
  it("a hidden sheet is not read as a form", async () => {
    const r = await refusal(
      edited((recs) => {
        recs.find((x) => x.type === T.BOUNDSHEET)!.data[4] = 1;
        return recs;
      }),
    );
    expect(r.code).toBe("PG-E-NO-TABLE");
    expect(r.zh).toContain("所有工作表都是隐藏的");
  });

  it("a hidden row (ROW fDyZero) is left out and named", async () => {
    // The row of the label 为民办实事 (the second indicator), 0-based as BIFF counts.
    const isst = seedStrings.indexOf("为民办实事");
    const label = seedRecords.find((r) => r.type === T.LABELSST && new DataView(r.data.buffer).getUint32(6, true) === isst)!;
    const rw = new DataView(label.data.buffer).getUint16(0, true);
    const r = await parseBuffer(
      edited((recs) =>
        recs.map((rec) => {
          if (rec.type !== T.ROW || new DataView(rec.data.buffer).getUint16(0, true) !== rw) return rec;
          const data = rec.data.slice();
          const v = new DataView(data.buffer);
          v.setUint16(12, v.getUint16(12, true) | 0x20, true);
          return { ...rec, data };
        }),
      ),
      "隐藏行.xls",
    );
    const seedNames = seedForms[0]!.indicators.annual.map((i) => i.tier3);
    const first = seedNames.indexOf("为民办实事");
    expect(r.forms[0]!.form.indicators.annual.map((i) => i.tier3)).toEqual([...seedNames.slice(0, first), ...seedNames.slice(first + 1)]);
    expect(r.warnings).toEqual([`工作表“Sheet1”隐藏的第${rw + 1}行未读入（按表格显示的内容读取）`]);
  });
});
