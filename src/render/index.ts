/** Form → official-looking .docx: a pure document builder, and the bytes. */
export { buildDocument, titleOf, signatureText, type RenderOptions, type RenderedDocument } from "./document.js";
export { renderForm } from "./render.js";
export { RENDER_LAYOUTS, isRenderLayout, resolveLayout, type RenderLayout } from "./layout.js";
export { headerRows, type HeaderField, type HeaderRow } from "./header-fields.js";
export { indicatorColumns, type IndicatorColumn } from "./indicator-columns.js";
