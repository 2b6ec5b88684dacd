/**
 * perfgoal's own error: a stable code that json/csv outputs carry, and a message in Chinese and English.
 * Readers throw only this for bad input; anything else is a bug (exit 2).
 */
export const ERROR_CODES = {
  "PG-E-NOT-FOUND": { zh: "文件不存在", en: "file not found" },
  "PG-E-UNREADABLE": { zh: "无法读取文件", en: "cannot read file" },
  "PG-E-EMPTY": { zh: "文件为空", en: "file is empty" },
  "PG-E-FORMAT": { zh: "不支持的文件格式", en: "unsupported file format" },
  "PG-E-ENCODING": { zh: "无法识别的文本编码", en: "unrecognised text encoding" },
  "PG-E-NO-TABLE": { zh: "未找到绩效指标表", en: "no indicator table found" },
  "PG-E-CORRUPT": { zh: "文件已损坏", en: "file is damaged" },
  "PG-E-SCANNED": { zh: "扫描件，没有文字层，请提供可编辑的文件", en: "a scan with no text layer: provide an editable file" },
  "PG-E-ENCRYPTED": { zh: "文件已加密（设有密码）", en: "file is encrypted (password protected)" },
  "PG-E-TOO-LARGE": { zh: "文件超出大小限制", en: "file exceeds the size limit" },
  "PG-E-ZIP-BOMB": { zh: "压缩包解压后过大（疑似压缩炸弹）", en: "archive inflates too far (zip bomb)" },
  "PG-E-XML": { zh: "XML 内容无效或不安全", en: "invalid or unsafe XML" },
  "PG-E-YAML": { zh: "YAML 内容无效", en: "invalid YAML" },
  "PG-E-SCHEMA": { zh: "YAML 不符合表单结构", en: "YAML does not match the form schema" },
  "PG-E-NOT-FILE": { zh: "不是普通文件", en: "not a regular file" },
  "PG-E-OUTPUT": { zh: "无法写入输出文件", en: "cannot write output" },
  "PG-E-EXISTS": { zh: "输出文件已存在（使用 --force 覆盖）", en: "output exists (use --force to overwrite)" },
  "PG-E-SAME-AS-INPUT": { zh: "输出文件与输入文件相同，拒绝覆盖输入", en: "output is the input file; refusing to overwrite an input" },
  "PG-E-CONFIG": { zh: "配置文件无效", en: "invalid configuration" },
  // A file whose reading overran the per-file limits, or ended its worker: that file only fails.
  "PG-E-TIMEOUT": { zh: "读取超时", en: "reading took too long" },
  "PG-E-MEMORY": { zh: "读取所需内存超出限制", en: "reading needs too much memory" },
  "PG-E-CRASH": { zh: "读取此文件时意外中止", en: "reading this file stopped unexpectedly" },
  "PG-E-INTERNAL": { zh: "perfgoal 内部错误", en: "perfgoal internal error" },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Header fields a reader could still name in a file it could not read as a form. */
export interface FoundFields {
  projectName?: string;
  department?: string;
  year?: number;
  budgetTotal?: number;
  amountUnit?: string;
}

/** A detail in both languages; a plain string is used for both (numbers, names, system codes). */
export type Detail = string | { zh: string; en: string };

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts cursor moves and
 * screen clears), DEL, C1 controls, and the bidirectional overrides that reorder what follows.
 */
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name or a form's text as a terminal line shows it: as is (spaces and Chinese included),
 * except control characters, escaped so that one file stays one line (`换\n行.docx`) and nothing
 * from a form can move the cursor, clear the screen or reorder the line.
 */
export function shownName(name: string): string {
  TERMINAL_CONTROLS.lastIndex = 0;
  if (!TERMINAL_CONTROLS.test(name)) return name;
  return name.replace(TERMINAL_CONTROLS, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Text for a terminal that may span lines (a stack trace with --debug): each line as shownName
 * shows it, the line breaks kept.
 */
export function terminalText(text: string): string {
  TERMINAL_CONTROLS.lastIndex = 0;
  if (!TERMINAL_CONTROLS.test(text)) return text;
  return text
    .split("\n")
    .map((line) => shownName(line))
    .join("\n");
}

export class PerfgoalError extends Error {
  readonly code: ErrorCode;
  /** A detail in Chinese (a YAML path, a byte count …). */
  readonly detail: string | undefined;
  /** The same detail in English, when it was given in both languages. */
  readonly detailEn: string | undefined;
  readonly file: string | undefined;
  /** What a reader found before it gave up (PG-E-NO-TABLE: the header fields of a text with no table). */
  readonly found: FoundFields | undefined;

  constructor(code: ErrorCode, detail?: Detail, options?: { file?: string; cause?: unknown; found?: FoundFields }) {
    const zh = typeof detail === "string" ? detail : detail?.zh;
    const en = typeof detail === "string" ? undefined : detail?.en;
    super(`${ERROR_CODES[code].en}${(en ?? zh) ? `: ${en ?? zh}` : ""}`, { cause: options?.cause });
    this.name = "PerfgoalError";
    this.code = code;
    this.detail = zh;
    this.detailEn = en;
    this.file = options?.file;
    this.found = options?.found;
  }

  /** The detail in `lang` (the Chinese one when there is no English). */
  detailIn(lang: "zh" | "en"): string | undefined {
    return lang === "en" ? (this.detailEn ?? this.detail) : this.detail;
  }

  /** One line: `file: reason (detail) [CODE]`. */
  describe(lang: "zh" | "en" = "zh", file = this.file): string {
    const reason = ERROR_CODES[this.code][lang];
    const text = this.detailIn(lang);
    const detail = text ? (lang === "zh" ? `：${text}` : `: ${text}`) : "";
    return `${file ? `${shownName(file)}: ` : ""}${reason}${detail} [${this.code}]`;
  }

  withFile(file: string): PerfgoalError {
    if (this.file === file) return this;
    const detail = this.detail !== undefined && this.detailEn !== undefined ? { zh: this.detail, en: this.detailEn } : this.detail;
    const e = new PerfgoalError(this.code, detail, { file, cause: this.cause, ...(this.found ? { found: this.found } : {}) });
    e.stack = this.stack;
    return e;
  }

  /** Code and details as plain data (what a worker sends back, what reports keep). */
  toFailure(): { code: ErrorCode; detail?: string; detailEn?: string } {
    return { code: this.code, ...(this.detail ? { detail: this.detail } : {}), ...(this.detailEn ? { detailEn: this.detailEn } : {}) };
  }
}

export function isPerfgoalError(e: unknown): e is PerfgoalError {
  return e instanceof PerfgoalError;
}

/** What the system's write errors mean, with the code kept for a search. */
const WRITE_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOSPC: { zh: "磁盘空间不足", en: "no space left on the device" },
  EDQUOT: { zh: "超出磁盘配额", en: "disk quota exceeded" },
  EFBIG: { zh: "文件超出系统允许的大小", en: "file larger than the system allows" },
  EACCES: { zh: "没有写权限", en: "permission denied" },
  EPERM: { zh: "不允许写入", en: "operation not permitted" },
  EROFS: { zh: "只读文件系统", en: "read-only file system" },
  ENAMETOOLONG: { zh: "文件名过长", en: "file name too long" },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
  EISDIR: { zh: "是文件夹", en: "is a folder" },
  EIO: { zh: "读写出错", en: "input/output error" },
};

/** A failed write (missing folder, no space, no permission) as perfgoal's own error, naming the file. */
export function outputFailure(e: unknown, file: string): PerfgoalError {
  if (e instanceof PerfgoalError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const known = code ? WRITE_ERRORS[code] : undefined;
  const detail = known ? { zh: `${known.zh}（${code}）`, en: `${known.en} (${code})` } : (code ?? (e as Error).message);
  return new PerfgoalError("PG-E-OUTPUT", detail, { file, cause: e });
}
