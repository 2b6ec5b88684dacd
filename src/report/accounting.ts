import path from "node:path";
import { comparePaths, type SkippedPath, type SkipReason } from "../batch/expand.js";

/**
 * Every file received is accounted for: reviewed, or why not. The status comes from what happened
 * to the file — the reader's refusal code, or the reason the folder walk passed it over — never
 * from its extension, so a type perfgoal learns to read simply moves to 已审核.
 */

type Lang = "zh" | "en";

export type FileStatus = "reviewed" | "unread" | "unsupported" | "encrypted" | "damaged" | "over-limit" | "skipped";

export const FILE_STATUS_LABELS: Record<FileStatus, { zh: string; en: string }> = {
  reviewed: { zh: "已审核", en: "reviewed" },
  unread: { zh: "未读取", en: "not read" },
  unsupported: { zh: "不支持", en: "unsupported" },
  encrypted: { zh: "加密", en: "encrypted" },
  damaged: { zh: "损坏", en: "damaged" },
  "over-limit": { zh: "超限", en: "over a limit" },
  skipped: { zh: "跳过", en: "skipped" },
};

export function statusLabel(status: FileStatus, lang: Lang): string {
  return FILE_STATUS_LABELS[status][lang];
}

/** Reader refusals by what they mean for the reviewer; any other code is 未读取. */
const STATUS_BY_CODE: Record<string, FileStatus> = {
  "PG-E-FORMAT": "unsupported",
  "PG-E-ENCRYPTED": "encrypted",
  "PG-E-CORRUPT": "damaged",
  "PG-E-XML": "damaged",
  "PG-E-TOO-LARGE": "over-limit",
  "PG-E-ZIP-BOMB": "over-limit",
  "PG-E-TIMEOUT": "over-limit",
  "PG-E-MEMORY": "over-limit",
};

/** The status of a file that could not be read, from its error code. */
export function statusOfCode(code: string): FileStatus {
  return Object.hasOwn(STATUS_BY_CODE, code) ? STATUS_BY_CODE[code]! : "unread";
}

/** Stable codes of the reasons a walk passes a file over (the PG-E-… codes' counterpart). */
export const SKIP_CODES: Record<Exclude<SkipReason, "output">, string> = {
  lock: "PG-S-LOCK",
  hidden: "PG-S-HIDDEN",
  unsupported: "PG-S-TYPE",
  special: "PG-S-SPECIAL",
  "link-loop": "PG-S-LINK-LOOP",
  "broken-link": "PG-S-BROKEN-LINK",
  "link-outside": "PG-S-LINK-OUTSIDE",
};

const SKIP_REASONS: Record<Exclude<SkipReason, "output">, { zh: string; en: string }> = {
  lock: { zh: "临时锁文件（Word 打开文档时生成）", en: "temporary lock file (left by Word while a document is open)" },
  hidden: { zh: "隐藏文件", en: "hidden file" },
  unsupported: { zh: "不支持的文件类型", en: "unsupported file type" },
  special: { zh: "管道或设备文件", en: "pipe or device" },
  "link-loop": { zh: "循环链接", en: "link loop" },
  "broken-link": { zh: "失效链接", en: "broken link" },
  "link-outside": { zh: "指向文件夹之外的链接", en: "link leading outside the folder" },
};

/**
 * Files an operating system or a file manager leaves in folders (Finder, Explorer): nobody sent
 * them, so they get no row. Everything else a walk passes over is listed.
 */
const SYSTEM_CLUTTER = new Set([".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".localized", "icon\r"]);

/**
 * Whether a skipped path is a file received that the reports list: not this run's own outputs,
 * not a hidden folder (.git …), not system clutter (.DS_Store, Thumbs.db, desktop.ini, `._x`
 * resource forks).
 */
export function isListedSkip(s: SkippedPath): s is SkippedPath & { reason: Exclude<SkipReason, "output"> } {
  if (s.reason === "output" || s.folder) return false;
  const name = path.basename(s.file).toLowerCase();
  return !SYSTEM_CLUTTER.has(name) && !name.startsWith("._");
}

/** A file that was not read, as every report lists it. */
export interface SkippedFile {
  kind: "skipped";
  file: string;
  status: FileStatus;
  code: string;
  /** In the report's language, and in both (as findings carry their messages). */
  reason: string;
  reasonZh: string;
  reasonEn: string;
}

/** The skipped paths that deserve a row, with status, code and reason in `lang`. */
export function skippedFiles(skipped: readonly SkippedPath[], lang: Lang): SkippedFile[] {
  const out: SkippedFile[] = [];
  for (const s of skipped) {
    if (!isListedSkip(s)) continue;
    const ext = s.reason === "unsupported" ? path.extname(s.file) : "";
    const text = (l: Lang) => (ext ? (l === "zh" ? `${SKIP_REASONS[s.reason].zh}（${ext}）` : `${SKIP_REASONS[s.reason].en} (${ext})`) : SKIP_REASONS[s.reason][l]);
    const status = s.reason === "unsupported" ? "unsupported" : "skipped";
    out.push({ kind: "skipped", file: s.file, status, code: SKIP_CODES[s.reason], reason: text(lang), reasonZh: text("zh"), reasonEn: text("en") });
  }
  return out;
}

/**
 * The entries and the skipped files in one path order. Both come sorted by path (entries as the
 * batch yields them), so this merges them without holding the entries.
 */
export function* inPathOrder<E extends { file: string }>(entries: Iterable<E>, skipped: readonly SkippedFile[]): Generator<E | SkippedFile> {
  const queue = skippedQueue(skipped);
  for (const e of entries) {
    yield* queue.before(e.file);
    yield e;
  }
  yield* queue.rest();
}

/** The same merge for a stream that is handed one file at a time. */
export function skippedQueue(skipped: readonly SkippedFile[]): { before(file: string): SkippedFile[]; rest(): SkippedFile[] } {
  let next = 0;
  return {
    before(file) {
      const start = next;
      while (next < skipped.length && comparePaths(skipped[next]!.file, file) < 0) next++;
      return skipped.slice(start, next);
    },
    rest() {
      const start = next;
      next = skipped.length;
      return skipped.slice(start);
    },
  };
}
