import type { Formatter, StreamFormatter } from "./types.js";
import { collect } from "./types.js";

export type { Formatter, FormatterOptions, ReportStream, StreamFormatter } from "./types.js";

/** Built-in report formats; each loads only when asked for. */
const LOADERS: Record<string, () => Promise<StreamFormatter>> = {
  stylish: async () => (await import("./stylish.js")).stylishStream,
  json: async () => (await import("./json.js")).jsonStream,
  csv: async () => (await import("./csv.js")).csvStream,
  summary: async () => (await import("./summary.js")).summaryStream,
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(LOADERS);

/** The streaming formatter called `name`, or undefined when there is none. */
export async function loadStreamFormatter(name: string): Promise<StreamFormatter | undefined> {
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  return load ? load() : undefined;
}

/** The formatter called `name`, or undefined when there is none. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const stream = await loadStreamFormatter(name);
  return stream ? collect(stream) : undefined;
}
