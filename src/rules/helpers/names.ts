/** Heuristics on 三级 names: what an indicator's name says it measures. */

/** 满意度 / 满意率 / 满意程度, but not a count of surveys (满意度调查次数). */
export function isSatisfactionName(name: string): boolean {
  return /满意(度|率|程度)(?!.*(调查|测评|问卷))/.test(name);
}

/** A name that asks for a percentage: ends in 率, 比例, 占比 … (not 年度). */
export function isRateName(name: string): boolean {
  const n = name.trim().replace(/[。.；;]$/, "");
  if (/年度$/.test(n)) return false;
  return /(率|比例|比重|占比|满意度|程度|完成度)$/.test(n);
}

/** A name that asks for a count or a measure with a unit, not a percentage. */
export function isCountName(name: string): boolean {
  if (isRateName(name)) return false;
  return /(数量|人数|次数|个数|户数|件数|场次|面积|里程|长度|公里数|天数)/.test(name);
}

/** Rates that cannot exceed 100%. */
export function isCappedRateName(name: string): boolean {
  return isSatisfactionName(name) || /率$/.test(name.trim().replace(/[。.；;]$/, ""));
}

/** Growth-style rates may legitimately exceed 100%. */
export function isGrowthName(name: string): boolean {
  return /(增长|增幅|增速|提高|提升|同比|环比)/.test(name);
}

/** A reverse indicator: smaller is better (发生率, 事故, 投诉 …) unless the name is about handling them. */
export function isReverseName(name: string): boolean {
  if (/(处理|办结|解决|处置|查处|整改|回复|满意|防范|预防|降低|减少|下降)/.test(name)) return false;
  return /(发生率|发生次数|发生数|事故|投诉|损失|死亡|超标|差错|失误|不合格|违规|违纪|返工)/.test(name);
}

/** A unit written in the name, `实施营造林总面积(亩)` → 亩. */
export function unitInName(name: string): string | undefined {
  const m = /[(（]\s*([^()（）\s]{1,6})\s*[)）]\s*$/.exec(name);
  return m?.[1];
}
