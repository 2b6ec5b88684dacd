import { indicatorEntries } from "../model/indicator-entries.js";
import { defineRule } from "./types.js";
import { holdsPlaceholder } from "./helpers/vocabulary.js";

export default defineRule({
  meta: {
    id: "no-template-placeholders",
    code: "PG006",
    catalogue: "R6",
    severity: "error",
    description: {
      zh: "指标名称和指标值中不能遗留模板占位符（**、单独的 XX、××、……；网址、英文单词和型号中的 x 不算）",
      en: "No template placeholders (**, a standalone XX, ××, ……) left in indicator names or values; x in web addresses, Latin words and model numbers does not count",
    },
    source: {
      zh: "衔接资金绩效目标模板说明“从上述绩效指标中选择适合的填报…也可自行增加或适当调整”：模板示例须替换为本项目内容；遗留占位符为常见问题",
      en: "The 衔接资金 templates say to pick the fitting indicators and adjust them, so template examples must be replaced; leftover placeholders are a common problem",
    },
    examples: {
      fail: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≥**%" }
`,
      pass: `indicators:
  annual:
    - { tier1: 产出指标, tier2: 质量指标, tier3: 验收合格率, value: "≥95%" }
`,
    },
    messages: {
      inValue: { zh: "指标值“{value}”含模板占位符，请填写实际目标", en: "Target value “{value}” still holds a template placeholder" },
      inName: { zh: "指标名称“{name}”含模板占位符，请改为本项目的表述", en: "Indicator name “{name}” still holds a template placeholder" },
    },
  },
  check(form, ctx) {
    for (const { row, path } of indicatorEntries(form)) {
      if (holdsPlaceholder(row.tier3)) {
        ctx.report({ messageId: "inName", path: `${path}.tier3`, data: { name: row.tier3.trim() }, severity: "warning" });
      }
      if (holdsPlaceholder(row.value.raw)) {
        ctx.report({ messageId: "inValue", path: `${path}.value`, data: { value: row.value.raw.trim() } });
      }
    }
  },
});
