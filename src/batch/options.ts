/** Option parsing shared by the batch commands; kept free of heavy imports (loaded at start-up). */
import { integerAtLeast } from "../cli/option-values.js";

/** `--jobs N`: a whole number ≥ 1 (there is no `auto`: leaving -j out uses every core). */
export const parseJobsOption: (value: string) => number = integerAtLeast("-j, --jobs", 1);

/** Help text of `--jobs`. */
export const JOBS_HELP = {
  zh: "并行处理的线程数，正整数（默认：CPU 核数；1 为不用工作线程）",
  en: "worker threads, a positive integer (default: number of cores; 1 = none)",
};
