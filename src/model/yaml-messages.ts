/**
 * YAML that cannot be read, said in the clerk's language: the yaml package's error codes in Chinese
 * (and plain English), and the slips of a Chinese keyboard spotted in the text so the message says
 * what to type instead: a full-width colon `：` after a key, no space after the colon, tab or
 * full-width-space indentation, a quote never closed.
 */
import type { YAMLError } from "yaml";

export interface Bilingual {
  zh: string;
  en: string;
}

/** What the yaml package's error codes mean, for someone who edits a form in a text editor. */
const CODES: Partial<Record<YAMLError["code"], Bilingual>> = {
  BAD_INDENT: { zh: "缩进不正确：同一层的键要左对齐，下一层比上一层多缩进（只用空格）", en: "wrong indentation: keys of one level line up, the next level is indented further (spaces only)" },
  TAB_AS_INDENT: { zh: "用了 Tab 键缩进：YAML 只能用空格缩进", en: "indented with a tab: YAML indents with spaces only" },
  MULTILINE_IMPLICIT_KEY: { zh: "键与冒号须在同一行，冒号后要有一个空格（如 name: 值）", en: "a key and its colon belong on one line, with a space after the colon (name: value)" },
  BLOCK_AS_IMPLICIT_KEY: { zh: "缩进层次不对：一行的值后面不能再接下一层（检查缩进和冒号后的空格）", en: "wrong nesting: a value on a key's line cannot open another level (check indentation and the space after each colon)" },
  MISSING_CHAR: { zh: "缺少配对的符号（引号、括号或逗号）", en: "a closing quote, bracket or comma is missing" },
  UNEXPECTED_TOKEN: { zh: "此处有多余或放错位置的符号（检查缩进、冒号和引号）", en: "an unexpected character here (check indentation, colons and quotes)" },
  BAD_SCALAR_START: { zh: "值不能以此符号开头（如 @ 或 `），请用引号括起整个值", en: "a value cannot start with this character (such as @ or `): put the value in quotes" },
  BAD_DQ_ESCAPE: { zh: "双引号中的反斜杠“\\”转义无效：改用单引号，或写成“\\\\”", en: "invalid backslash escape in double quotes: use single quotes, or write \\\\" },
  BLOCK_IN_FLOW: { zh: "方括号 [ ] 或花括号 { } 里不能再用换行缩进的写法", en: "indented (block) content inside [ ] or { }" },
  KEY_OVER_1024_CHARS: { zh: "键超过 1024 个字符：多半是冒号后少了空格或少了换行", en: "a key longer than 1024 characters: probably a missing space after a colon or a missing line break" },
  DUPLICATE_KEY: { zh: "键重复", en: "duplicate key" },
  MULTIPLE_DOCS: { zh: "此处只能有一份文档", en: "only one document is allowed here" },
  MULTIPLE_ANCHORS: { zh: "一个值上有多个锚点（&）", en: "several anchors (&) on one value" },
  MULTIPLE_TAGS: { zh: "一个值上有多个标签（!）", en: "several tags (!) on one value" },
  BAD_ALIAS: { zh: "别名（*）无效", en: "invalid alias (*)" },
  ALIAS_PROPS: { zh: "别名（*）不能带锚点或标签", en: "an alias (*) cannot carry an anchor or tag" },
  BAD_DIRECTIVE: { zh: "以 % 开头的指令无效", en: "invalid % directive" },
  BAD_PROP_ORDER: { zh: "锚点与标签的位置不对", en: "anchor and tag in the wrong place" },
  NON_STRING_KEY: { zh: "键必须是文本", en: "keys must be text" },
  BAD_COLLECTION_TYPE: { zh: "标签与值的类型不符", en: "the tag does not fit the value" },
};

/**
 * One YAML error in both languages. Codes whose English names something particular (which tag,
 * which character) keep it after the translation; unknown codes keep the English after a lead-in.
 */
export function yamlErrorMessage(error: Pick<YAMLError, "code" | "message">): Bilingual {
  const english = error.message.split("\n")[0]!.trim();
  if (error.code === "TAG_RESOLVE_FAILED") return { zh: `不支持的 YAML 标签（${english}）`, en: `unsupported YAML tag (${english})` };
  if (error.code === "MISSING_CHAR" && /quote/i.test(english)) return { zh: "引号没有闭合：开头的引号要有配对的结尾引号", en: "a quote is not closed: an opening quote needs its closing quote" };
  const known = CODES[error.code];
  if (known) return error.code === "MISSING_CHAR" ? { zh: `${known.zh}（${english}）`, en: `${known.en} (${english})` } : known;
  return { zh: `YAML 语法错误：${english}`, en: `YAML syntax error: ${english}` };
}

export interface Slip extends Bilingual {
  /** 1-based line of the slip. */
  line: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The first slip in `text[start, end)` (one document of the stream), or undefined. Only a line
 * that starts with a key the form knows counts, and never a line inside a text value (`scalars`:
 * the offset ranges of the document's values spanning lines, in document order), so the prose of a
 * goal, which may hold `：` and full-width spaces, is never taken for a slip. Linear in the text.
 */
export function findSlip(text: string, keys: Iterable<string>, start = 0, end = text.length, scalars: readonly (readonly [number, number])[] = []): Slip | undefined {
  const key = `(${[...keys].map(escape).join("|")})`;
  const item = "(?:-[ \\t]+)?";
  const patterns: { re: RegExp; say: (m: RegExpExecArray) => Bilingual }[] = [
    {
      re: new RegExp(`^[ \\t\\u3000]*${item}${key}[ \\t]*：`),
      say: (m) => ({
        zh: `键“${m[1]}”后用了全角冒号“：”，应为半角冒号“:”加一个空格（${m[1]}: 值）`,
        en: `the key “${m[1]}” is followed by a full-width colon “：”; YAML needs “:” and a space (${m[1]}: value)`,
      }),
    },
    {
      re: new RegExp(`^ *${item}\\t+[ \\t]*${key}[ \\t]*:|^ *\\t[ \\t]*${item}${key}[ \\t]*:`),
      say: (m) => ({
        zh: `键“${m[1] ?? m[2]}”前用了 Tab 键缩进，YAML 只能用空格缩进`,
        en: `the key “${m[1] ?? m[2]}” is indented with a tab; YAML indents with spaces only`,
      }),
    },
    {
      re: new RegExp(`^[ \\t]*${item}\\u3000+[ \\t\\u3000]*${key}[ \\t]*[:：]|^[ \\t]*\\u3000[ \\t\\u3000]*${item}${key}[ \\t]*[:：]`),
      say: (m) => ({
        zh: `键“${m[1] ?? m[2]}”前用了全角空格“　”缩进，YAML 只能用半角空格缩进`,
        en: `the key “${m[1] ?? m[2]}” is indented with full-width spaces “　”; YAML indents with ASCII spaces only`,
      }),
    },
    {
      re: new RegExp(`^[ ]*${item}${key}:(?=[^ \\t\\r\\n])`),
      say: (m) => ({
        zh: `键“${m[1]}”的冒号后缺少空格，应写成“${m[1]}: 值”`,
        en: `no space after the colon of “${m[1]}”; write “${m[1]}: value”`,
      }),
    },
  ];
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < start; i = text.indexOf("\n", i + 1)) line++;
  let at = start;
  let value = 0;
  while (at < end) {
    const next = text.indexOf("\n", at);
    const stop = next < 0 || next > end ? end : next;
    const content = text.slice(at, stop);
    while (value < scalars.length && scalars[value]![1] <= at) value++;
    const inValue = value < scalars.length && scalars[value]![0] < at;
    for (const p of inValue ? [] : patterns) {
      const m = p.re.exec(content);
      if (m) return { line, ...p.say(m) };
    }
    line++;
    at = stop + 1;
  }
  return undefined;
}

/**
 * The line where a quoted value opened and never closed, at or before `errorLine` (the yaml package
 * reports the end of the file or of the document, far from the quote).
 */
export function unclosedQuoteLine(text: string, errorLine: number, start = 0): number | undefined {
  const lines = text.split("\n");
  let first = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < start; i = text.indexOf("\n", i + 1)) first++;
  for (let n = first; n <= Math.min(errorLine, lines.length); n++) {
    const m = /^[^#"']*?:[ \t]+(["'])(.*)$/.exec(lines[n - 1]!);
    if (!m) continue;
    const quote = m[1]!;
    const rest = quote === "'" ? m[2]!.replace(/''/g, "") : m[2]!.replace(/\\./g, "");
    if (!rest.includes(quote)) return n;
  }
  return undefined;
}
