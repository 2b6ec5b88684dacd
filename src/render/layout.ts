import type { Form } from "../model/form.js";

/**
 * The header styles perfgoal renders:
 * L1 — Hunan 2023 项目支出预算绩效目标申报表 (the seed form);
 * L2 — MOF-2011 财政支出（项目）绩效目标申报表, separate 长期 and 年度 indicator tables;
 * L5 — central-style 项目支出绩效目标申报表 (主管部门及代码, 项目期, 总体目标).
 */
export const RENDER_LAYOUTS = ["L1", "L2", "L5"] as const;
export type RenderLayout = (typeof RENDER_LAYOUTS)[number];

export function isRenderLayout(value: string): value is RenderLayout {
  return (RENDER_LAYOUTS as readonly string[]).includes(value);
}

/**
 * The layout to render: the one asked for, else the family the form was read from, else L1.
 * Families without a style of their own take the closest one: the central-style families
 * (L3 扶贫 templates, L4 transfer-payment forms) share L5's 一级/二级/三级/指标值 columns; the
 * others take L1 when their total and 本级 amount are one (L1's 年度本级预算金额 is both), else L5,
 * which prints them apart.
 */
export function resolveLayout(form: Form, requested?: RenderLayout): RenderLayout {
  if (requested) return requested;
  const family = /^L(\d+)/i.exec(form.source?.layout ?? "")?.[1];
  if (family === "1") return "L1";
  if (family === "2") return "L2";
  if (family === "3" || family === "4" || family === "5") return "L5";
  if (family === undefined) return "L1";
  // L1 reads its one amount back as both total and 本级: exact only when the form says so too.
  return form.funding.ownLevel === form.funding.total ? "L1" : "L5";
}

/** L1 prints one amount for the total and the 本级 amount. */
export function fitsHunanAmounts(form: Form): boolean {
  const { total, ownLevel } = form.funding;
  return ownLevel === undefined || total === undefined || ownLevel === total;
}
