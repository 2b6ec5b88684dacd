import { promises as fs } from "node:fs";
import path from "node:path";

// Finding a config needs neither the YAML parser nor zod (load.ts does): kept apart so validate starts without them.

/** Config file names, in the order they are looked for in each folder. */
export const CONFIG_FILE_NAMES = ["perfgoal.config.yaml", "perfgoal.config.yml"] as const;

/** The first config file in `startDir` or a folder above it, up to the filesystem root. */
export async function findConfigFile(startDir: string): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      try {
        if ((await fs.stat(candidate)).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
