/**
 * A minimal Compound File writer ([MS-CFB] version 3, 512-byte sectors) for tests: root-level
 * streams only, each stored in regular sectors (streams shorter than the 4096-byte cutoff are
 * padded, so no mini stream is needed). Options break it on purpose.
 */
export interface CfbOptions {
  /** Make the named stream's sector chain loop back to its first sector. */
  loopStream?: string;
  /** Make the directory's sibling links form a cycle. */
  loopDirectory?: boolean;
  /** Point the header's mini-FAT start at a two-sector loop, while declaring no mini-FAT sectors. */
  loopMiniFat?: boolean;
  /** Point the root entry's (mini-stream) chain at a two-sector loop, with a size of 0. */
  loopRootChain?: boolean;
}

const SECTOR = 512;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECT = 0xfffffffd;
const NONE = 0xffffffff;

export function buildCfb(streams: Record<string, Uint8Array>, options: CfbOptions = {}): Uint8Array {
  const names = Object.keys(streams);
  const data = names.map((n) => {
    const s = streams[n]!;
    const size = Math.max(s.length, 4096);
    const padded = new Uint8Array(Math.ceil(size / SECTOR) * SECTOR);
    padded.set(s);
    return { name: n, bytes: padded, size };
  });
  const dirEntries = names.length + 1;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = data.reduce((n, d) => n + d.bytes.length / SECTOR, 0);
  const loopSectors = options.loopMiniFat || options.loopRootChain ? 2 : 0;
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dirSectors + dataSectors + loopSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("test CFB too large");
  const total = fatSectors + dirSectors + dataSectors + loopSectors;

  const fat = new Uint32Array(fatSectors * (SECTOR / 4)).fill(FREE);
  for (let i = 0; i < fatSectors; i++) fat[i] = FAT_SECT;
  const chain = (start: number, count: number, loop = false) => {
    for (let i = 0; i < count; i++) fat[start + i] = i === count - 1 ? (loop ? start : END) : start + i + 1;
  };
  const dirStart = fatSectors;
  chain(dirStart, dirSectors);
  let next = dirStart + dirSectors;
  const starts = data.map((d) => {
    const start = next;
    chain(start, d.bytes.length / SECTOR, options.loopStream === d.name);
    next += d.bytes.length / SECTOR;
    return start;
  });
  // Two sectors that point at each other: a chain through them never ends.
  const loopStart = next;
  if (loopSectors > 0) {
    fat[loopStart] = loopStart + 1;
    fat[loopStart + 1] = loopStart;
  }

  const out = new Uint8Array((total + 1) * SECTOR);
  const v = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, fatSectors, true);
  v.setUint32(0x30, dirStart, true);
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, options.loopMiniFat ? loopStart : END, true);
  v.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i < fatSectors ? i : FREE, true);
  const sectorAt = (s: number) => (s + 1) * SECTOR;
  for (let i = 0; i < fat.length; i++) v.setUint32(sectorAt(0) + i * 4, fat[i]!, true);

  const dir = sectorAt(dirStart);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = dir + i * 128;
    for (let k = 0; k < name.length; k++) v.setUint16(o + k * 2, name.charCodeAt(k), true);
    v.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    out[o + 67] = 1; // black
    v.setUint32(o + 68, NONE, true);
    v.setUint32(o + 72, right, true);
    v.setUint32(o + 76, child, true);
    v.setUint32(o + 116, start, true);
    v.setUint32(o + 120, size, true);
  };
  entry(0, "Root Entry", 5, names.length > 0 ? 1 : NONE, NONE, options.loopRootChain ? loopStart : END, 0);
  // Streams hang off the root as a chain of right siblings (a valid, if lopsided, tree).
  data.forEach((d, i) => {
    const right = i + 2 <= names.length ? i + 2 : options.loopDirectory ? 1 : NONE;
    entry(i + 1, d.name, 2, NONE, right, starts[i]!, d.size);
  });
  for (let i = dirEntries; i < (dirSectors * SECTOR) / 128; i++) {
    v.setUint32(dir + i * 128 + 68, NONE, true);
    v.setUint32(dir + i * 128 + 72, NONE, true);
    v.setUint32(dir + i * 128 + 76, NONE, true);
  }
  data.forEach((d, i) => out.set(d.bytes, sectorAt(starts[i]!)));
  return out;
}
