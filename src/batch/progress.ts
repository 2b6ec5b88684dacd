import { shownName, terminalText } from "../model/errors.js";
import { displayWidth } from "../report/display-width.js";

/** Cut text to at most `width` columns, keeping its end (the file name) and marking the cut with …. */
export function truncateStart(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? "…" : "";
  const chars = [...text];
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + displayWidth(chars[i - 1]!) <= width) {
    i--;
    w += displayWidth(chars[i]!);
  }
  return `…${chars.slice(i).join("")}`;
}

export interface ProgressOptions {
  write: (text: string) => void;
  /** Terminal width; the line never wraps. */
  columns?: number;
  lang?: "zh" | "en";
  now?: () => number;
  /** Redraw at most this often (ms). */
  minIntervalMs?: number;
}

const BAR_CELLS = 20;

/** `m:ss`, or `h:mm:ss` past an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * One self-redrawing line on stderr: bar, done/total, files per second, time left, current file.
 * Only for a terminal; redraws at most 10 times a second; `clear()` leaves no trace.
 */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;
  private done = 0;
  private current = "";
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** Record progress; redraws when the last redraw is old enough (or when all is done). */
  update(done: number, current?: string): void {
    this.done = done;
    if (current !== undefined) this.current = current;
    const t = this.now();
    if (t - this.lastDraw < (this.options.minIntervalMs ?? 100) && done < this.total) return;
    this.lastDraw = t;
    this.options.write(`\r\x1b[2K${this.line(t)}`);
    this.drawn = true;
  }

  /** Print a whole line (a message about a file) above the bar, then redraw the bar. */
  log(text: string): void {
    if (this.drawn) this.options.write("\r\x1b[2K");
    const shown = terminalText(text.endsWith("\n") ? text.slice(0, -1) : text);
    this.options.write(`${shown}\n`);
    if (this.drawn) this.options.write(this.line(this.now()));
  }

  clear(): void {
    if (this.drawn) this.options.write("\r\x1b[2K");
    this.drawn = false;
  }

  /** The bar's text at time `t`, fitted to the terminal width. */
  line(t: number): string {
    const zh = this.options.lang !== "en";
    const elapsed = (t - this.started) / 1000;
    const rate = elapsed > 0 ? this.done / elapsed : 0;
    const fraction = this.total > 0 ? this.done / this.total : 1;
    const filled = Math.round(fraction * BAR_CELLS);
    const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_CELLS - filled)}]`;
    const left = rate > 0 ? formatDuration((this.total - this.done) / rate) : "--:--";
    const rateText = `${rate >= 100 ? Math.round(rate) : rate.toFixed(1)} ${zh ? "个/秒" : "files/s"}`;
    const head = `${bar} ${this.done}/${this.total}  ${rateText}  ${zh ? "剩余" : "left"} ${left}`;
    const columns = (this.options.columns ?? 80) - 1;
    const room = columns - displayWidth(head) - 2;
    if (room < 6 || !this.current) return displayWidth(head) <= columns ? head : truncateStart(head, columns);
    // The current file's name is shown escaped: a name holding ESC[2J must not clear the screen.
    return `${head}  ${truncateStart(shownName(this.current), room)}`;
  }
}
