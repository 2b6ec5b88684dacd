import { describe, expect, it } from "vitest";
import type { ReviewEntry, ReviewReport } from "../../src/batch/review.js";
import { escapeHtml, htmlReport, htmlReportPieces } from "../../src/report/html.js";
import { sampleReport } from "./summary-review-fixture.js";
import { CHROMIUM, renderInChromium } from "./html-chromium.js";

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** The sample's first form `n` times, each under its own name and with its number in its first message. */
function manyForms(n: number): ReviewReport & { entries: ReviewEntry[] } {
  const report = sampleReport();
  const first = report.entries[0]!;
  if (first.kind !== "form") throw new Error("form expected");
  const entries: ReviewEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push({ ...first, file: `部门/表${i}.docx`, findings: first.findings.map((f, k) => (k === 0 ? { ...f, message: `第${i}份：${f.message}` } : f)) });
  }
  return { ...report, entries };
}

describe("htmlReport", () => {
  const html = htmlReport(sampleReport());

  it("is one self-contained file: no external URL, a CSP that forbids the network", () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/\s(src|href)=|url\(|@import/);
    // The only URL is the one a form wrote itself (escaped text), and the SVG namespace.
    expect(html.replace(/hyperlink\(&#34;http:\/\/x&#34;\)/gi, "")).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("escapes every piece of form text", () => {
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<b>教育局</b>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(count(html, /<script>/g)).toBe(1);
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe("&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;");
  });

  it("has one row group per form and per unreadable file, and the findings with their cells", () => {
    expect(count(html, /<tbody class="form /g)).toBe(3);
    expect(html).toContain("PG-E-CORRUPT");
    const data = JSON.parse(/<script type="application\/json" class="findings-data">(.*?)<\/script>/s.exec(html)![1]!) as { first: number; strings: string[]; forms: number[][][] };
    expect(data.first).toBe(0);
    expect(data.forms).toHaveLength(1);
    const first = data.forms[0]!.map((f) => f.map((i) => data.strings[i]));
    expect(first[0]).toEqual(["error", "错误", "表1 第20行第5列", "comparison-direction", "PG010", "成本指标“≧40万元”不应为下限", "indicators.annual[12].value", "成本指标应为上限（≤），数量等指标一般为下限（≥）"]);
  });

  it("lists every file not read — unreadable or passed over — with status, reason and code, in path order", () => {
    const section = /<section class="not-read" id="not-read">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(section).toContain("未读取的文件（4）");
    const rows = [...section.matchAll(/<tr data-status="([^"]+)"><td class="file">([^<]*)<\/td><td class="status">([^<]*)<\/td><td>([^<]*)<\/td><td><code>([^<]*)<\/code>/g)].map((m) => m.slice(1).join(" | "));
    expect(rows).toEqual([
      "skipped | 部门1/~$衡东县政府办.docx | 跳过 | 临时锁文件（Word 打开文档时生成） | PG-S-LOCK",
      "skipped | 部门2/~$坏文件.docx | 跳过 | 临时锁文件（Word 打开文档时生成） | PG-S-LOCK",
      "damaged | 部门2/坏文件.docx | 损坏 | 文件已损坏 | PG-E-CORRUPT",
      "unsupported | 部门2/扫描件 衡东.pdf | 不支持 | 不支持的文件类型（.pdf） | PG-S-TYPE",
    ]);
    expect(htmlReport({ ...sampleReport(), skippedFiles: [], entries: sampleReport().entries.filter((e) => e.kind === "form") })).not.toContain('class="not-read"');
  });

  it("names each rule by its code and full title in the chart and the lists, never cut", () => {
    const title = "成本指标应为上限（≤），数量等指标一般为下限（≥）";
    expect(html).toContain(`<text class="title" x="0" y="16">PG010 ${escapeHtml(title)}<title>comparison-direction</title></text>`);
    expect(html).not.toContain("…");
    expect(html).toContain(`<td class="rules"><span title="comparison-direction">PG010 ${escapeHtml(title)}</span><br>`);
    const longTitle = "很长的规则名称".repeat(12);
    const long = htmlReport({ ...sampleReport(), ruleTitles: { "comparison-direction": longTitle } });
    expect(long).toContain(`PG010 ${longTitle}<title>`);
    const width = Number(/<svg [^>]*aria-label="各规则的问题数"[^>]* width="(\d+)"/.exec(long)![1]);
    expect(width).toBeGreaterThanOrEqual(longTitle.length * 2 * 6.6);
    expect(htmlReport(sampleReport("en"))).toContain("Files not read (4)");
  });

  it("keeps form text inside the findings data from ending the script", () => {
    const report = sampleReport();
    const form = report.entries[0]!;
    if (form.kind === "form") form.findings[0]!.message = "</script><script>alert(1)</script>\u2028";
    const out = htmlReport(report);
    expect(out).not.toContain("</script><script>alert(1)");
    const json = /<script type="application\/json" class="findings-data">(.*?)<\/script>/s.exec(out)![1]!;
    expect((JSON.parse(json) as { strings: string[] }).strings).toContain("</script><script>alert(1)</script>\u2028");
  });

  it("shows totals, grade distribution, skipped files and both charts", () => {
    expect(html).toMatch(/<div class="num">2<\/div><div class="label">表单/);
    expect(html).toContain("跳过的文件<br><small>Word 锁文件 2，不支持的类型 1</small>");
    expect(count(html, /<svg /g)).toBe(2);
    expect(html).toContain('data-filter="comparison-direction"');
    expect(html).toContain("1,234,567.89 · 1 份");
  });

  it("comes piece by piece, the findings in chunks of 500 forms that number the forms across chunks", () => {
    const report = manyForms(1_203);
    const pieces = [...htmlReportPieces(report)];
    // Head and totals, the list's head, a row group per form, three data chunks, the list's end, the page's end.
    expect(pieces).toHaveLength(1 + 1 + 1_203 + 3 + 1 + 1);
    expect(pieces.join("")).toBe(htmlReport(report));
    const chunks = [...pieces.join("").matchAll(/<script type="application\/json" class="findings-data">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as { first: number; forms: unknown[] });
    expect(chunks.map((c) => [c.first, c.forms.length])).toEqual([[0, 500], [500, 500], [1_000, 203]]);
    expect(pieces.join("")).toContain('data-findings="1202"');
  });

  it("speaks English with lang en", () => {
    expect(htmlReport(sampleReport("en"))).toContain("<title>Performance-goal form review</title>");
  });
});

/** Actions run in the page after the report's own script; results land in a DOM attribute. */
const PROBE = `<script>
(function(){
  var out={};
  var q=document.getElementById("q");
  q.value="教育局";q.dispatchEvent(new Event("input"));
  out.filtered=[].filter.call(document.querySelectorAll("tbody.form"),function(b){return !b.hidden;}).length;
  q.value="";q.dispatchEvent(new Event("input"));
  var st=document.getElementById("status");st.value="unreadable";st.dispatchEvent(new Event("change"));
  out.unreadable=[].filter.call(document.querySelectorAll("tbody.form"),function(b){return !b.hidden;}).length;
  st.value="";st.dispatchEvent(new Event("change"));
  var th=document.querySelector('th[data-key="budget"]');th.click();th.click();
  out.order=[].map.call(document.querySelectorAll("tbody.form"),function(b){return b.dataset.budget;}).join(",");
  document.querySelector("button.toggle").click();
  out.open=document.querySelector("tr.details").hidden?"no":"yes";
  out.cell=document.querySelector("tr.details td.loc").textContent;
  out.findings=document.querySelectorAll("tr.details table.findings tbody tr").length;
  out.count=document.getElementById("count").textContent;
  document.body.setAttribute("data-probe",JSON.stringify(out));
})();
</script>`;

describe.skipIf(!CHROMIUM)("htmlReport in headless Chromium", () => {
  it("renders every form with no console errors", async () => {
    const { dom, console } = await renderInChromium(htmlReport(sampleReport()));
    expect(console).toEqual([]);
    expect(dom).toContain('data-ready="1"');
    expect(count(dom, /<tbody class="form /g)).toBe(3);
    expect(dom).toContain("显示 3 / 3");
  }, 120_000);

  it("filters, sorts and expands", async () => {
    const { dom, console } = await renderInChromium(htmlReport(sampleReport()).replace("</body>", `${PROBE}</body>`));
    expect(console).toEqual([]);
    const probe = JSON.parse(/data-probe="([^"]*)"/.exec(dom)![1]!.replace(/&quot;/g, '"')) as Record<string, string | number>;
    expect(probe).toEqual({ filtered: 1, unreadable: 1, order: "1234567.891,361,-1", open: "yes", cell: "表1 第20行第5列", findings: 4, count: "显示 3 / 3" });
  }, 120_000);

  it("shows every rule title whole inside its chart, in Chinese and in English", async () => {
    const probe = `<script>
(function(){
  var svg=document.querySelector('svg[aria-label]'),width=svg.viewBox.baseVal.width,out=[];
  svg.querySelectorAll("text.title").forEach(function(t){var b=t.getBBox();out.push([t.textContent,b.x>=0&&b.x+b.width<=width]);});
  document.body.setAttribute("data-probe",JSON.stringify(out));
})();
</script>`;
    const titles = { zh: "同一二级指标下不应重复设置相同的三级指标和指标值，而且这个名称还要更长一些才能看出是否被截断", en: "No indicator repeated with the same name and value under the same tier-2 category" };
    for (const lang of ["zh", "en"] as const) {
      const report = { ...sampleReport(lang), ruleTitles: { "comparison-direction": titles[lang] } };
      const { dom, console } = await renderInChromium(htmlReport(report).replace("</body>", `${probe}</body>`));
      expect(console).toEqual([]);
      const shown = JSON.parse(/data-probe="([^"]*)"/.exec(dom)![1]!.replace(/&quot;/g, '"')) as [string, boolean][];
      expect(shown.map(([text]) => text)).toContain(`PG010 ${titles[lang]}comparison-direction`);
      expect(shown.every(([, inside]) => inside), JSON.stringify(shown)).toBe(true);
    }
  }, 120_000);

  it("opens a form whose findings are in a later chunk, after sorting", async () => {
    const last = `<script>
(function(){
  var th=document.querySelector('th[data-key="file"]');th.click();th.click();
  var b=[].filter.call(document.querySelectorAll("tbody.form"),function(b){return b.dataset.file==="部门/表1202.docx";})[0];
  b.querySelector("button.toggle").click();
  document.body.setAttribute("data-probe",b.querySelector("tr.details table.findings tbody td:nth-child(5)").textContent);
})();
</script>`;
    const { dom, console } = await renderInChromium(htmlReport(manyForms(1_203)).replace("</body>", `${last}</body>`));
    expect(console).toEqual([]);
    expect(count(dom, /<tbody class="form /g)).toBe(1_203);
    expect(/data-probe="([^"]*)"/.exec(dom)![1]).toBe("第1202份：成本指标“≧40万元”不应为下限");
  }, 120_000);
});
