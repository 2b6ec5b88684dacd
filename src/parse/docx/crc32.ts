import * as zlib from "node:zlib";

/**
 * CRC-32 (IEEE 802.3, as in zip headers): zlib's own where Node has it (≥ 20.15), else a table.
 * Both run once over the bytes, so checking a part costs as much as reading it.
 */
export const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (data) => zlib.crc32(data) >>> 0 : tableCrc32;

/** The CRC-32 of `prev`'s bytes followed by `data`: for data that arrives in pieces. */
export const crc32Continue: (data: Uint8Array, prev: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function" ? (data, prev) => zlib.crc32(data, prev) >>> 0 : tableCrc32;

let table: Uint32Array | undefined;

/** The table-driven CRC-32, for Node versions without zlib.crc32 (and to check it against). */
export function tableCrc32(data: Uint8Array, prev = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
