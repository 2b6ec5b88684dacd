import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/display-width.js";
import { formatDuration, ProgressBar, truncateStart } from "../../src/batch/progress.js";

function fakeBar(total: number, columns = 100) {
  let now = 0;
  const writes: string[] = [];
  const bar = new ProgressBar(total, { write: (t) => writes.push(t), columns, lang: "zh", now: () => now });
  return { bar, writes, advance: (ms: number) => (now += ms) };
}

describe("ProgressBar", () => {
  it("shows done/total, files per second, time left and the current file", () => {
    const { bar, advance } = fakeBar(100);
    advance(2000);
    bar.update(40, "部门一/表1.docx");
    const line = bar.line(2000);
    expect(line).toContain("40/100");
    expect(line).toContain("20.0 个/秒");
    expect(line).toContain("剩余 0:03");
    expect(line).toContain("部门一/表1.docx");
    expect(line).toMatch(/^\[█{8}░{12}\]/);
  });

  it("redraws at most ten times a second, but always at the end", () => {
    const { bar, writes, advance } = fakeBar(1000);
    for (let i = 1; i <= 999; i++) {
      advance(1);
      bar.update(i);
    }
    // 999 ms of updates every millisecond: one draw per 100 ms.
    expect(writes.length).toBeLessThanOrEqual(10);
    bar.update(1000);
    expect(writes.at(-1)).toContain("1000/1000");
  });

  it("fits the terminal width, keeping the end of a long Chinese path", () => {
    const { bar, advance } = fakeBar(10, 60);
    advance(1000);
    bar.update(1, "很长的文件夹名称/另一个很长的文件夹名称/衡东县政府办2023年项目支出绩效目标申报表.docx");
    const line = bar.line(1000);
    expect(displayWidth(line)).toBeLessThanOrEqual(59);
    expect(line).toContain("…");
    expect(line.endsWith(".docx")).toBe(true);
  });

  it("clears its line and prints messages above itself", () => {
    const { bar, writes, advance } = fakeBar(10);
    advance(500);
    bar.update(1, "a.docx");
    bar.log("perfgoal: b.docx: 文件已损坏 [PG-E-CORRUPT]");
    expect(writes.join("")).toContain("\r\x1b[2Kperfgoal: b.docx: 文件已损坏 [PG-E-CORRUPT]\n[");
    writes.length = 0;
    bar.clear();
    expect(writes).toEqual(["\r\x1b[2K"]);
    bar.clear();
    expect(writes).toEqual(["\r\x1b[2K"]);
  });

  it("writes nothing to clear when it never drew", () => {
    const { bar, writes } = fakeBar(10);
    bar.clear();
    bar.log("x");
    expect(writes).toEqual(["x\n"]);
  });
});

describe("formatDuration / truncateStart", () => {
  it("formats durations", () => {
    expect(formatDuration(5)).toBe("0:05");
    expect(formatDuration(125)).toBe("2:05");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
  it("cuts by display width", () => {
    expect(truncateStart("abcdef", 4)).toBe("…def");
    expect(truncateStart("表一表二", 5)).toBe("…表二");
    expect(truncateStart("ab", 4)).toBe("ab");
  });
});
