import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { indicatorEntries, type Form } from "../../../src/model/form.js";
import { parseBuffer } from "../../../src/parse/index.js";
import { pipeRows, seedText, writeSpaced, writeTsv } from "./helpers.js";

/** Through the whole parse: every text version of the seed gives one Form (apart from its source). */
const P = [
  "附件2：",
  "2023年度项目支出预算绩效目标申报表",
  "填报单位：（盖章）衡东县政府办                         单位：万元",
  "填表人：                 联系电话：                     单位负责人签字：",
];
const seedRows = (): string[][] => pipeRows(seedText("hengdong-2023.pipes.txt"));
const withParagraphs = (t: string): string => [P[0], "", P[1], "", P[2], "", t, "", P[3], ""].join("\n");

const versions: [string, () => Uint8Array][] = [
  ["Word export", () => Buffer.from(seedText("hengdong-2023.txt"))],
  ["Word export, GBK + CRLF", () => iconv.encode(seedText("hengdong-2023.txt").replace(/\n/g, "\r\n"), "gbk")],
  ["Word export, UTF-16LE", () => iconv.encode(seedText("hengdong-2023.txt"), "utf-16le", { addBOM: true })],
  ["pipes", () => Buffer.from(seedText("hengdong-2023.pipes.txt"))],
  ["pipes, GBK", () => iconv.encode(seedText("hengdong-2023.pipes.txt"), "gbk")],
  ["web copy", () => Buffer.from(seedText("hengdong-2023.webcopy.txt"))],
  ["web copy, UTF-16LE", () => iconv.encode(seedText("hengdong-2023.webcopy.txt"), "utf-16le", { addBOM: true })],
  ["tab-separated", () => Buffer.from(withParagraphs(writeTsv(seedRows())))],
  ["space-padded", () => Buffer.from(withParagraphs(writeSpaced(seedRows())))],
];

async function formOf(bytes: Uint8Array) {
  const r = await parseBuffer(bytes, "seed.txt");
  expect(r.forms).toHaveLength(1);
  const { source: _source, ...form } = r.forms[0]!.form as Record<string, unknown>;
  return form;
}

describe("seed form through parseBuffer", () => {
  it("the pipes version holds the seed's 61 indicators and budget 361", async () => {
    const r = await parseBuffer(Buffer.from(seedText("hengdong-2023.pipes.txt")), "seed.txt");
    const form = r.forms[0]!.form as Form;
    expect(indicatorEntries(form)).toHaveLength(61);
    expect(JSON.stringify(form)).toContain("361");
  });

  it.each(versions)("%s gives the same Form as the pipes version", async (_name, bytes) => {
    const reference = await formOf(Buffer.from(seedText("hengdong-2023.pipes.txt")));
    expect(await formOf(bytes())).toEqual(reference);
  });
});
