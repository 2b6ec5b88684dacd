/** Quantities (number + unit) written in running text, normalised so 8万亩 equals 80000亩. */

/** Units recognised after a number in goal texts and values (longest first when matching). */
const UNITS = [
  "平方公里", "平方米", "立方米", "公里", "千米", "公顷", "人次", "户次", "场次", "万元", "小时",
  "亩", "米", "吨", "个", "人", "次", "户", "件", "场", "份", "所", "台", "套", "辆", "座", "处", "家", "项", "条",
  "册", "本", "株", "棵", "头", "只", "元", "天", "期", "批", "村", "间", "张", "篇", "名", "%",
].sort((a, b) => b.length - a.length);

// A number starts where no digit precedes it: retrying from inside a long run of digits made the
// scan quadratic (a 100 000-digit value took a minute).
const QUANTITY = new RegExp(`(?<![0-9])([0-9]+(?:\\.[0-9]+)?)\\s*(万|亿)?\\s*(${UNITS.join("|")})`, "g");

export interface Quantity {
  /** The text matched, as written. */
  text: string;
  amount: number;
  /** Base unit; money is always 万元. */
  unit: string;
}

const MULTIPLIER: Record<string, number> = { 万: 10000, 亿: 100000000 };

export function quantitiesIn(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.normalize("NFKC").matchAll(QUANTITY)) {
    const [whole, num, prefix, unit] = m as unknown as [string, string, string | undefined, string];
    const amount = Number(num) * (prefix ? MULTIPLIER[prefix]! : 1);
    // Money compares in 万元, whichever way it was written (361万元, 3610000元).
    if (unit === "元") out.push({ text: whole, amount: amount / 10000, unit: "万元" });
    else out.push({ text: whole, amount, unit });
  }
  return out;
}

export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.unit === b.unit && Math.abs(a.amount - b.amount) <= 1e-6 * Math.max(1, Math.abs(a.amount));
}
