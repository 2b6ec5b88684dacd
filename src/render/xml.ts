/** The declaration every part starts with. */
export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** Anything that printable() or escapeXml() would change: most texts have none, and skip the work. */
const UNPRINTABLE = /[\r\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const SPECIAL = /[&<>"]/;

/** Text as Word can hold it: no control characters XML 1.0 forbids, tabs as spaces, one kind of line break. */
export function printable(text: string): string {
  if (!UNPRINTABLE.test(text)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/** Escape for element text and double-quoted attribute values. */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Any text the form holds, ready to sit in an element or attribute. */
export function xmlText(text: string): string {
  return escapeXml(printable(text));
}
