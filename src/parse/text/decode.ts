/** Bytes → text with the encoding detected (interim: UTF-8 only; the text-reader work replaces this). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  return { text: new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
}
