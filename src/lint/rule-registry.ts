import type { Rule } from "../rules/types.js";

/**
 * The rule catalogue, loaded on demand so that commands which do not review anything stay fast.
 * (A computed specifier until the catalogue's index module is in place.)
 */
export async function loadRules(): Promise<readonly Rule[]> {
  const specifier = "../rules/index.js";
  const mod = (await import(specifier)) as { allRules?: readonly Rule[] };
  return mod.allRules ?? [];
}
