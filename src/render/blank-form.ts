import type { Form, IndicatorRow } from "../model/form.js";
import { parseValue } from "../model/value-parse.js";
import { TAXONOMY } from "../rules/helpers/taxonomy.js";
import type { RenderLayout } from "./layout.js";

/** An empty form to fill in: the fields its layout prints, with nothing in them. */
export interface BlankForm {
  form: Form;
  /** Number fields of the layout, left out of `form` (a number cannot be blank in the model). */
  blankNumbers: string[];
}

/**
 * One row per canonical 二级 (the 2018 system every rendered layout prints, 成本指标 under 产出),
 * its 一级 and 二级 filled, its 三级 and 指标值 left for the clerk.
 */
function exampleRows(): IndicatorRow[] {
  return Object.entries(TAXONOMY.A).flatMap(([tier1, tier2s]) => tier2s.map((tier2) => ({ tier1, tier2, tier3: "", value: parseValue("") })));
}

/**
 * The blank form of a layout: its header fields empty, its indicator tables with one row per
 * 二级, and the layout recorded (render prints it in that style, the rules ask for what it asks).
 */
export function blankForm(layout: RenderLayout): BlankForm {
  const base = {
    fillingUnit: "",
    amountUnit: "万元" as const,
    goals: { longTerm: "", annual: "" },
    source: { layout },
  };
  if (layout === "L2") {
    return {
      form: {
        ...base,
        project: { name: "", department: { name: "", code: "" }, implementingUnit: "", attribute: "", leader: "", phone: "", period: { text: "" } },
        funding: {},
        indicators: { annual: exampleRows(), longTerm: exampleRows() },
        signatures: { filler: "", phone: "", head: "", date: "" },
      },
      blankNumbers: ["year", "funding.total", "funding.fiscal", "funding.selfRaised", "funding.other"],
    };
  }
  if (layout === "L5") {
    return {
      form: {
        ...base,
        project: { name: "", department: { name: "", code: "" }, implementingUnit: "", attribute: "", period: { text: "" } },
        funding: {},
        indicators: { annual: exampleRows() },
        signatures: { filler: "", phone: "", head: "" },
      },
      blankNumbers: ["year", "funding.total", "funding.fiscal", "funding.other"],
    };
  }
  return {
    form: {
      ...base,
      project: { name: "", department: { name: "" }, period: { text: "" } },
      // The Hunan form prints 中央/省级/市级 under 上级资金 even when empty.
      funding: { upperLevel: {} },
      indicators: { annual: exampleRows() },
      signatures: { filler: "", phone: "", head: "" },
    },
    blankNumbers: ["year", "funding.total", "funding.ownLevel", "funding.upperLevel.central", "funding.upperLevel.provincial", "funding.upperLevel.municipal"],
  };
}
