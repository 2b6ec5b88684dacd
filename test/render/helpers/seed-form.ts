import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Form, type IndicatorRow } from "../../../src/model/form.js";
import { loadFormYaml } from "../../../src/model/yaml.js";
import { parseValue } from "../../../src/model/value-parse.js";
import { parsePeriod } from "../../../src/parse/extract/period.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const SHARED = path.resolve(REPO, "../shared");
const EXAMPLE_YAML = path.join(REPO, "examples/hengdong-2023.yaml");
const PIPES = [path.join(REPO, "examples/hengdong-2023.pipes.txt"), path.join(SHARED, "seed/hengdong-2023.pipes.txt")];

/** The seed form: `examples/hengdong-2023.yaml` when it exists, else built from the pipes text of the seed. */
export function seedForm(): Form {
  if (existsSync(EXAMPLE_YAML)) {
    const { form } = loadFormYaml(readFileSync(EXAMPLE_YAML, "utf8"), EXAMPLE_YAML);
    const { source: _source, ...rest } = form;
    return rest;
  }
  return seedFormFromPipes();
}

const cells = (line: string): string[] => line.split("|").slice(1, -1).map((c) => c.trim());

/** The seed form read straight from `hengdong-2023.pipes.txt` (its layout is fixed, so a few lines suffice). */
export function seedFormFromPipes(): Form {
  const file = PIPES.find((p) => existsSync(p));
  if (!file) throw new Error("seed pipes text not found");
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  const rows = lines.filter((l) => l.startsWith("|")).map(cells);
  const field = (label: string): string[] => rows.find((r) => r[0] === label) ?? [];
  const footer = lines.find((l) => l.startsWith("填表人"));
  if (!footer) throw new Error("seed footer not found");
  const indicators: IndicatorRow[] = [];
  let tier1 = "";
  let tier2 = "";
  for (const r of rows.slice(rows.findIndex((x) => x[1] === "一级指标") + 1)) {
    tier1 = r[1] || tier1;
    tier2 = r[2] || tier2;
    indicators.push({ tier1, tier2, tier3: r[3]!, value: parseValue(r[4]!), ...(r[5] ? { standard: r[5] } : {}) });
  }
  return Form.parse({
    title: "2023年度项目支出预算绩效目标申报表",
    year: 2023,
    attachmentLabel: "附件2",
    fillingUnit: "衡东县政府办",
    amountUnit: "万元",
    project: {
      name: field("项目支出名称")[1],
      department: { name: field("项目支出名称")[4] },
      period: parsePeriod(field("项目支出实施期")[1]!),
    },
    // 年度本级预算金额 is both the total and the own-level amount.
    funding: { total: Number(field("年度本级预算金额")[1]), ownLevel: Number(field("年度本级预算金额")[1]) },
    goals: { longTerm: field("实施期绩效目标")[1], annual: field("本年度绩效目标")[1] },
    indicators: { annual: indicators },
  });
}
