/** Option parsing shared by the batch commands; kept free of heavy imports (loaded at start-up). */

/** `--jobs N`: a whole number ≥ 1. */
export function parseJobsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs: ${value}`);
  return n;
}

/** Help text of `--jobs`. */
export const JOBS_HELP = {
  zh: "并行处理的线程数（默认：CPU 核数；1 为不用工作线程）",
  en: "worker threads (default: number of cores; 1 = none)",
};
