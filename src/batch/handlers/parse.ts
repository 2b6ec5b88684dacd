import { formsToYaml } from "../../model/yaml-write.js";
import { parseFileNow } from "../../parse/index.js";
import type { FileHandler } from "../work.js";

export interface ParsePayload {
  yaml: string;
  forms: number;
}

/** parse: the file's forms as YAML text (several as a YAML stream). */
export const parseHandler: FileHandler = async (task) => {
  const result = await parseFileNow(task.path, task.raw, task.entry);
  const payload: ParsePayload = { yaml: formsToYaml(result.forms.map((f) => f.form)), forms: result.forms.length };
  return { payload, warnings: [...result.warnings, ...(result.repairs ?? [])] };
};
