import type { Rule } from "../rules/types.js";

/** The rule catalogue, loaded on demand so that commands which review nothing stay fast to start. */
export async function loadRules(): Promise<readonly Rule[]> {
  return (await import("../rules/index.js")).allRules;
}
