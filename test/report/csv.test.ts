import { skippedFiles as skippedFilesOf } from "../../src/report/accounting.js";
import { describe, expect, it } from "vitest";
import { csv, csvField } from "../../src/report/csv.js";
import { fatal, finding, form } from "./results.js";

describe("csv", () => {
  it("quotes a field only when RFC 4180 requires it", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe("");
    expect(csvField(2)).toBe("2");
  });

  it("writes a BOM, a header, one row per finding and per unreadable file, with CRLF", () => {
    const out = csv([form({ findings: [finding({ message: "禁毒宣传资料约10万份，禁毒宣传用品约10万份" })] }), fatal], { lang: "en" });
    expect(out).toBe(
      "\uFEFFfile,form,project,grade,severity,code,rule,location,path,message\r\n" +
        'a.docx,,禁毒宣传经费,fair,error,PG014,cost-not-lower-bound,表2 第12行第4列,indicators.annual[1].value,"禁毒宣传资料约10万份，禁毒宣传用品约10万份"\r\n'.replace(
          '"禁毒宣传资料约10万份，禁毒宣传用品约10万份"',
          "禁毒宣传资料约10万份，禁毒宣传用品约10万份",
        ) +
        "坏 文件.docx,,,,error,PG-E-ENCRYPTED,,,,文件已加密（设有密码）\r\n",
    );
  });

  it("ends with a row per file the walk passed over: its code, the reason as the message", () => {
    const skippedFiles = skippedFilesOf([{ file: "来件/扫描件 衡东.pdf", reason: "unsupported" }], "zh");
    const out = csv([form({ findings: [] })], { lang: "zh", skippedFiles });
    expect(out.split("\r\n").at(-2)).toBe("来件/扫描件 衡东.pdf,,,,,PG-S-TYPE,,,,不支持的文件类型（.pdf）");
  });

  it("keeps a message with a comma in one field", () => {
    const out = csv([form({ findings: [finding({ message: "a, b" })] })], { lang: "zh" });
    expect(out.split("\r\n")[1]!.endsWith(',"a, b"')).toBe(true);
  });
});
