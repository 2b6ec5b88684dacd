/**
 * Each file on its own: YAML streams of many documents, text whose UTF-8 breaks in places, and
 * Latin-1 taken for a form. What a file does that escapes its reader (memory, time, a crash) is
 * in isolation.test.ts, through the built CLI.
 */
import { MINIMAL_YAML, rng, seedBytes, seedText } from "./bytes.js";
// Types only: make-cases.ts imports this module, a value import back would be a cycle.
import type { HostileCase } from "./make-cases.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const MB = 1024 * 1024;


/** Overlong `/` (C0 AF): a UTF-8 sequence with the right shape and a forbidden value. */
export const OVERLONG = [0xc0, 0xaf];
/** A UTF-16 surrogate (U+D800) written as UTF-8 (ED A0 80), as careless converters do. */
export const SURROGATE = [0xed, 0xa0, 0x80];

/** The seed text with `bad` bytes inserted right after the first `after`. */
export function seedTextWithBytes(after: string, bad: readonly number[]): Uint8Array {
  const text = seedText();
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`seed text has no ${after}`);
  const head = utf8(text.slice(0, at + after.length));
  const tail = utf8(text.slice(at + after.length));
  const out = new Uint8Array(head.length + bad.length + tail.length);
  out.set(head, 0);
  out.set(bad, head.length);
  out.set(tail, head.length + bad.length);
  return out;
}

/** `count` small forms in one YAML stream, each with its own project name. */
export function yamlStream(count: number): string {
  return Array.from({ length: count }, (_, i) => MINIMAL_YAML.replace("name: 测试项目", `name: 测试项目 ${i + 1}`)).join("---\n");
}

/** Western text in Latin-1: words with accented letters (é, ü, ß …) among ASCII. */
function latin1Text(size: number, seed: number): Uint8Array {
  const next = rng(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const r = next();
    out[i] = r < 0.15 ? 0x20 : r < 0.88 ? 0x61 + Math.floor(next() * 26) : r < 0.9 ? 0x0a : 0xc0 + Math.floor(next() * 64);
  }
  return out;
}

/** Latin-1 words that end in an accented letter (café, été): no GBK pair either. */
function latin1Spaced(size: number, seed: number): Uint8Array {
  const next = rng(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = i % 8 === 7 ? (i % 64 === 63 ? 0x0a : 0x20) : i % 8 === 6 ? 0xe0 + Math.floor(next() * 32) : 0x61 + Math.floor(next() * 26);
  return out;
}

/** UTF-8 lines of Chinese where every few characters a lone byte breaks the encoding. */
function riddledUtf8(size: number): Uint8Array {
  const line = Buffer.concat([Buffer.from("项目名称衡东", "utf8"), Buffer.from([0xff]), Buffer.from("县政府办", "utf8"), Buffer.from([0x80]), Buffer.from("\n")]);
  const out = new Uint8Array(Math.floor(size / line.length) * line.length);
  for (let off = 0; off < out.length; off += line.length) out.set(line, off);
  return out;
}

/** The seed form followed by `lines` note lines that each hold an overlong sequence. */
function seedWithManyBrokenLines(lines: number): Uint8Array {
  const seed = seedBytes("hengdong-2023.txt");
  // Long enough lines that the replaced bytes stay near 1% of the text, under the share refused.
  const note = Buffer.concat([Buffer.from("说明：本行含有一个错误字节", "utf8"), Buffer.from(OVERLONG), Buffer.from(`${"，其余文字完好".repeat(20)}\n`, "utf8")]);
  const out = new Uint8Array(seed.length + 1 + note.length * lines);
  out.set(seed, 0);
  out[seed.length] = 0x0a;
  for (let i = 0; i < lines; i++) out.set(note, seed.length + 1 + i * note.length);
  return out;
}

export const ISOLATION_CASES: HostileCase[] = [
  // --- text whose UTF-8 breaks -------------------------------------------------------------
  {
    group: "isolation",
    file: "目标 超长编码.txt",
    build: () => seedTextWithBytes("确保县政府", OVERLONG),
    expect: { readable: true, warning: /1 处共 2 个字节不是有效的 UTF-8，已替换为 U\+FFFD：第\d+行（字节偏移 \d+）/ },
    why: "the seed text with an overlong sequence (C0 AF) in a goal: read as UTF-8 with a warning, never as GBK",
  },
  {
    group: "isolation",
    file: "标签 代理项.txt",
    build: () => seedTextWithBytes("应急", SURROGATE),
    expect: { readable: true, warning: /1 处共 3 个字节不是有效的 UTF-8.*第\d+行（字节偏移 \d+）/ },
    why: "the seed text with a surrogate written as UTF-8 (ED A0 80) inside an indicator label",
  },
  {
    group: "isolation",
    file: "西文 Latin-1.txt",
    build: () => latin1Text(64 * 1024, 21),
    expect: { refused: "PG-E-NO-TABLE" },
    why: "Western text in Latin-1 whose accented letters pair up as GBK: read as GBK, as before, and no form found in it",
  },
  { group: "isolation", file: "西文 空格.txt", build: () => latin1Spaced(64 * 1024, 23), expect: { refused: "PG-E-ENCODING" }, why: "Latin-1 whose accented letters end words: neither UTF-8 nor GBK" },
  { group: "isolation", file: "处处 坏字节.txt", build: () => riddledUtf8(64 * 1024), expect: { refused: "PG-E-ENCODING" }, why: "UTF-8 with a bad byte every few characters: too much to read with confidence" },

  // --- YAML streams ------------------------------------------------------------------------
  { group: "isolation", file: "流 1001份.yaml", build: () => utf8(yamlStream(1001)), expect: { refused: "PG-E-TOO-LARGE" }, why: "a YAML stream of 1001 forms, one past the cap" },
  { group: "isolation", file: "流 三份.yaml", build: () => utf8(yamlStream(3)), expect: { readable: true }, why: "a YAML stream of three forms" },
  {
    group: "isolation",
    file: "YAML 超长编码.yaml",
    build: () => {
      const text = utf8(MINIMAL_YAML);
      const at = utf8(MINIMAL_YAML.slice(0, MINIMAL_YAML.indexOf("测试项目") + 2)).length;
      return Uint8Array.from([...text.subarray(0, at), ...OVERLONG, ...text.subarray(at)]);
    },
    expect: { readable: true, warning: /不是有效的 UTF-8.*第5行/ },
    why: "a YAML form with an overlong sequence in the project name: read, with a warning naming the line",
  },

  // --- heavy: through the built CLI, memory measured ---------------------------------------
  { group: "isolation", file: "百万 文档.yaml", build: () => utf8("---\n".repeat(1_000_000)), expect: { refused: "PG-E-TOO-LARGE" }, why: "a YAML stream of a million empty documents (4 MB)", heavy: true },
  { group: "isolation", file: "千份 表单.yaml", build: () => utf8(yamlStream(1000)), expect: { readable: true }, why: "a YAML stream of 1000 small forms, the cap", heavy: true },
  { group: "isolation", file: "西文 20MB.txt", build: () => latin1Spaced(20 * MB, 22), expect: { refused: "PG-E-ENCODING" }, why: "20 MB of Latin-1 text", heavy: true },
  { group: "isolation", file: "处处 坏字节 20MB.txt", build: () => riddledUtf8(20 * MB), expect: { refused: "PG-E-ENCODING" }, why: "20 MB of UTF-8 lines each broken twice", heavy: true },
  {
    group: "isolation",
    file: "表单 加四万坏行.txt",
    build: () => seedWithManyBrokenLines(40_000),
    expect: { readable: true, warning: /^perfgoal: \S+ 加四万坏行\.txt: 40000 处共 80000 个字节不是有效的 UTF-8，已替换为 U\+FFFD：(第\d+行（字节偏移 \d+）、){4}第\d+行（字节偏移 \d+）等 40000 行$/m },
    why: "the seed form and 40 000 lines (17 MB) each with an overlong sequence: one warning, five lines named",
    heavy: true,
  },
];
