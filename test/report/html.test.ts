import { describe, expect, it } from "vitest";
import { escapeHtml, htmlReport } from "../../src/report/html.js";
import { sampleReport } from "./summary-review-fixture.js";
import { CHROMIUM, renderInChromium } from "./html-chromium.js";

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

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
    const data = JSON.parse(/<script type="application\/json" id="findings-data">(.*?)<\/script>/s.exec(html)![1]!) as { strings: string[]; forms: number[][][] };
    expect(data.forms).toHaveLength(1);
    const first = data.forms[0]!.map((f) => f.map((i) => data.strings[i]));
    expect(first[0]).toEqual(["error", "错误", "表1 第20行第5列", "comparison-direction", "PG010", "成本指标“≧40万元”不应为下限", "indicators.annual[12].value"]);
  });

  it("keeps form text inside the findings data from ending the script", () => {
    const report = sampleReport();
    const form = report.entries[0]!;
    if (form.kind === "form") form.findings[0]!.message = "</script><script>alert(1)</script>\u2028";
    const out = htmlReport(report);
    expect(out).not.toContain("</script><script>alert(1)");
    const json = /<script type="application\/json" id="findings-data">(.*?)<\/script>/s.exec(out)![1]!;
    expect((JSON.parse(json) as { strings: string[] }).strings).toContain("</script><script>alert(1)</script>\u2028");
  });

  it("shows totals, grade distribution, skipped files and both charts", () => {
    expect(html).toMatch(/<div class="num">2<\/div><div class="label">表单/);
    expect(html).toContain("跳过的文件<br><small>Word 锁文件 2，不支持的类型 1</small>");
    expect(count(html, /<svg /g)).toBe(2);
    expect(html).toContain('data-filter="comparison-direction"');
    expect(html).toContain("1,234,567.89 · 1 份");
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
});
