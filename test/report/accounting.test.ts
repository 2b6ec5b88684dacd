import { describe, expect, it } from "vitest";
import { comparePaths } from "../../src/batch/expand.js";
import { ERROR_CODES } from "../../src/model/errors.js";
import { inPathOrder, isListedSkip, skippedFiles, skippedQueue, statusOfCode } from "../../src/report/accounting.js";

describe("file accounting", () => {
  it("takes a file's status from its refusal code; an unknown code is 未读取", () => {
    expect(statusOfCode("PG-E-FORMAT")).toBe("unsupported");
    expect(statusOfCode("PG-E-ENCRYPTED")).toBe("encrypted");
    expect(statusOfCode("PG-E-CORRUPT")).toBe("damaged");
    expect(statusOfCode("PG-E-TOO-LARGE")).toBe("over-limit");
    expect(statusOfCode("PG-E-TIMEOUT")).toBe("over-limit");
    expect(statusOfCode("PG-E-EMPTY")).toBe("unread");
    expect(statusOfCode("PG-E-SOMETHING-NEW")).toBe("unread");
    expect(statusOfCode("toString")).toBe("unread");
    // Every known code has a status.
    for (const code of Object.keys(ERROR_CODES)) expect(statusOfCode(code)).toMatch(/^(unread|unsupported|encrypted|damaged|over-limit)$/);
  });

  it("lists every file the walk passed over except this run's outputs, hidden folders and system clutter", () => {
    const listed = (file: string, reason: Parameters<typeof isListedSkip>[0]["reason"], folder?: true) => isListedSkip({ file, reason, ...(folder ? { folder } : {}) });
    expect(listed("来件/~$表.docx", "lock")).toBe(true);
    expect(listed("来件/扫描件 衡东.pdf", "unsupported")).toBe(true);
    expect(listed("来件/.草稿.docx", "hidden")).toBe(true);
    expect(listed("来件/管道", "special")).toBe(true);
    expect(listed("来件/.git", "hidden", true)).toBe(false);
    expect(listed("来件/.DS_Store", "hidden")).toBe(false);
    expect(listed("来件/._表.docx", "hidden")).toBe(false);
    expect(listed("来件/Thumbs.db", "unsupported")).toBe(false);
    expect(listed("来件/desktop.ini", "unsupported")).toBe(false);
    expect(listed("汇总表.xlsx", "output")).toBe(false);
  });

  it("says why in both languages, naming an unsupported extension", () => {
    const [pdf, lock] = skippedFiles([{ file: "a/扫描件.PDF", reason: "unsupported" }, { file: "a/~$表.docx", reason: "lock" }, { file: "a/.DS_Store", reason: "hidden" }], "zh");
    expect(pdf).toEqual({ kind: "skipped", file: "a/扫描件.PDF", status: "unsupported", code: "PG-S-TYPE", reason: "不支持的文件类型（.PDF）", reasonZh: "不支持的文件类型（.PDF）", reasonEn: "unsupported file type (.PDF)" });
    expect(lock).toMatchObject({ status: "skipped", code: "PG-S-LOCK", reason: "临时锁文件（Word 打开文档时生成）" });
    expect(skippedFiles([{ file: "a/~$表.docx", reason: "lock" }], "en")[0]!.reason).toBe("temporary lock file (left by Word while a document is open)");
  });

  it("merges the skipped files among the entries in path order, whatever the split", () => {
    const all = ["a/表2.docx", "a/表10.docx", "a/~$表10.docx", "a/表100.pdf", "b/x.zip", "b/子/y.docx", "c.docx"].sort(comparePaths);
    expect(all).toEqual(["c.docx", "a/~$表10.docx", "a/表2.docx", "a/表10.docx", "a/表100.pdf", "b/x.zip", "b/子/y.docx"]);
    for (let mask = 0; mask < 1 << all.length; mask++) {
      const entries = all.filter((_, i) => mask & (1 << i)).map((file) => ({ file }));
      const skipped = skippedFiles(all.filter((_, i) => !(mask & (1 << i))).map((file) => ({ file, reason: "unsupported" as const })), "zh");
      expect([...inPathOrder(entries, skipped)].map((e) => e.file)).toEqual(all);
      const queue = skippedQueue(skipped);
      expect([...entries.flatMap((e) => [...queue.before(e.file).map((s) => s.file), e.file]), ...queue.rest().map((s) => s.file)]).toEqual(all);
    }
  });
});
