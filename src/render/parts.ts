/*
 * The package parts around word/document.xml: content types, relationships, properties, styles,
 * settings, font table and the page-number footer. All but docProps/core.xml are the same for
 * every form.
 */
import { fontTableXml } from "./font-table.js";
import { FONT, SIZE } from "./typography.js";
import { R_NS, W_NS, paragraph, rFonts, runPr } from "./wml.js";
import { XML_DECLARATION, xmlText } from "./xml.js";

const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** The footer's relationship id in word/_rels/document.xml.rels, named by the section properties. */
export const FOOTER_REL_ID = "rId4";

/** Part name → content type: every part of the package but the relationship parts. */
const OVERRIDES: readonly [string, string][] = [
  ["word/document.xml", `${WML_TYPE}.document.main+xml`],
  ["word/styles.xml", `${WML_TYPE}.styles+xml`],
  ["word/settings.xml", `${WML_TYPE}.settings+xml`],
  ["word/fontTable.xml", `${WML_TYPE}.fontTable+xml`],
  ["word/footer1.xml", `${WML_TYPE}.footer+xml`],
  ["docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
  ["docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"],
];

function contentTypes(): string {
  const overrides = OVERRIDES.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join("");
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`
  );
}

function relationships(rels: readonly [id: string, type: string, target: string][]): string {
  const items = rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join("");
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">${items}</Relationships>`;
}

const packageRels = (): string =>
  relationships([
    ["rId1", `${OFFICE_RELS}/officeDocument`, "word/document.xml"],
    ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
    ["rId3", `${OFFICE_RELS}/extended-properties`, "docProps/app.xml"],
  ]);

const documentRels = (): string =>
  relationships([
    ["rId1", `${OFFICE_RELS}/styles`, "styles.xml"],
    ["rId2", `${OFFICE_RELS}/settings`, "settings.xml"],
    ["rId3", `${OFFICE_RELS}/fontTable`, "fontTable.xml"],
    [FOOTER_REL_ID, `${OFFICE_RELS}/footer`, "footer1.xml"],
  ]);

const appProperties = (): string =>
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`;

/**
 * docDefaults: body font and table size, en-US / zh-CN, no paragraph spacing. The default table
 * style gives Word's usual 0.19 cm left and right cell margins.
 */
function styles(): string {
  const run = `<w:rPr>${rFonts(FONT.body)}<w:sz w:val="${SIZE.table}"/><w:szCs w:val="${SIZE.table}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`;
  const margin = (side: string, w: number) => `<w:${side} w:w="${w}" w:type="dxa"/>`;
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault>${run}</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>${margin("top", 0)}${margin("left", 108)}${margin("bottom", 0)}${margin("right", 108)}</w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

/** compatibilityMode 15: Word opens the file as a current document, not in compatibility mode. */
const settings = (): string =>
  `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="720"/>` +
  `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** `— 1 —` centred at the foot of every page (GB/T 9704 §7.5): a PAGE field between dashes, in 宋体. */
function footer(): string {
  const pr = runPr("宋体", SIZE.footer);
  const r = (inner: string) => `<w:r>${pr}${inner}</w:r>`;
  const runs =
    r(`<w:t xml:space="preserve">— </w:t>`) +
    r(`<w:fldChar w:fldCharType="begin"/>`) +
    r(`<w:instrText xml:space="preserve">PAGE</w:instrText>`) +
    r(`<w:fldChar w:fldCharType="separate"/>`) +
    r(`<w:fldChar w:fldCharType="end"/>`) +
    r(`<w:t xml:space="preserve"> —</w:t>`);
  return `${XML_DECLARATION}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${paragraph({ align: "center" }, runs)}</w:ftr>`;
}

/** The parts every rendered form shares, in the order they are stored (content types first). */
export function staticParts(): [name: string, xml: string][] {
  return [
    ["[Content_Types].xml", contentTypes()],
    ["_rels/.rels", packageRels()],
    ["word/_rels/document.xml.rels", documentRels()],
    ["word/styles.xml", styles()],
    ["word/settings.xml", settings()],
    ["word/fontTable.xml", fontTableXml()],
    ["word/footer1.xml", footer()],
    ["docProps/app.xml", appProperties()],
  ];
}

/** `docProps/core.xml`: the title, perfgoal as creator, and when the file was made (to the second). */
export function coreProperties(title: string, made: Date): string {
  const when = made.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>perfgoal</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}
