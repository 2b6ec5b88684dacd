import type { Formatter } from "./types.js";

export type { Formatter, FormatterOptions } from "./types.js";

/** Built-in report formats; each loads only when asked for. */
const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import("./stylish.js")).stylish,
  json: async () => (await import("./json.js")).json,
  csv: async () => (await import("./csv.js")).csv,
  summary: async () => (await import("./summary.js")).summary,
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(LOADERS);

/** The formatter called `name`, or undefined when there is none. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  return load ? load() : undefined;
}
