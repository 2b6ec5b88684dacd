import type { RenderedDocument } from "./document.js";
import { coreProperties, staticParts } from "./parts.js";
import { zipArchive, zipEntry, type ZipEntryData } from "./zip-writer.js";

/** UTF-8 bytes of a part: Buffer.from encodes a long string faster than TextEncoder does. */
const utf8 = (xml: string): Uint8Array => Buffer.from(xml, "utf8");

/** The parts every form shares, compressed on first use and then reused. */
let shared: ZipEntryData[] | undefined;

function sharedEntries(): ZipEntryData[] {
  shared ??= staticParts().map(([name, xml]) => zipEntry({ name, data: utf8(xml) }));
  return shared;
}

/** A rendered document → the bytes of its .docx package. */
export function packageDocx(doc: RenderedDocument, made = new Date()): Uint8Array {
  return zipArchive(
    [
      // Content types first, as Word writes them.
      ...sharedEntries(),
      zipEntry({ name: "docProps/core.xml", data: utf8(coreProperties(doc.title, made)) }),
      zipEntry({ name: "word/document.xml", data: utf8(doc.documentXml) }),
    ],
    made,
  );
}
