import { PerfgoalError } from "../../model/errors.js";

/**
 * A checked view of a Compound File (the OLE container of .doc files, and of password-protected
 * .docx files). It validates everything the .doc text reader will follow — sector chains, the
 * directory tree — so that a crafted file with a loop or an out-of-range sector is refused here
 * instead of sending a reader round a cycle forever.
 */
export interface CompoundFile {
  /** Names of the streams and storages directly under the root. */
  rootNames: Set<string>;
  /** The whole content of a root-level stream, or undefined when there is none. */
  readStream(name: string): Uint8Array | undefined;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
/** Entries beyond this are absurd for a Word file and would only cost time. */
const MAX_DIRECTORY_ENTRIES = 100_000;

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** The chains perfgoal names in its messages (a stream's own name is used as is). */
const CHAIN_NAMES: Record<string, string> = { 目录: "directory", 迷你流: "mini stream", 迷你分配表: "mini FAT" };

function brokenChain(what: string): PerfgoalError {
  return corrupt(`${what}扇区链损坏`, `damaged sector chain (${CHAIN_NAMES[what] ?? what})`);
}

function corrupt(zh: string, en: string): PerfgoalError {
  return new PerfgoalError("PG-E-CORRUPT", { zh: `复合文档${zh}`, en: `compound file: ${en}` });
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b)) throw corrupt("头部损坏（文件可能被截断）", "damaged header (the file may be truncated)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A sector the header or the FAT names may lie past the end of a truncated file.
  const u32 = (off: number) => {
    if (off + 4 > bytes.length) throw corrupt("分配表扇区越界（文件可能被截断）", "allocation table sector out of bounds (the file may be truncated)");
    return view.getUint32(off, true);
  };
  if (view.getUint16(0x1c, true) !== 0xfffe) throw corrupt("字节序标记无效", "invalid byte-order mark");
  const sectorShift = view.getUint16(0x1e, true);
  const miniShift = view.getUint16(0x20, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt("扇区大小无效", "invalid sector size");
  const sectorSize = 1 << sectorShift;
  // The header fills the first sector; a short last sector is tolerated (read as far as it goes).
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const fatSectors = u32(0x2c);
  const dirStart = u32(0x30);
  const miniCutoff = u32(0x38);
  const miniFatStart = u32(0x3c);
  const miniFatSectors = u32(0x40);
  const difatStart = u32(0x44);
  const difatSectors = u32(0x48);
  if (fatSectors > sectorCount || difatSectors > sectorCount || miniFatSectors > sectorCount) throw corrupt("分配表大小与文件长度不符（文件可能被截断）", "allocation table does not fit the file (the file may be truncated)");

  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  const inRange = (s: number) => s < sectorCount;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectorIds: number[] = [];
  for (let i = 0; i < 109 && fatSectorIds.length < fatSectors; i++) fatSectorIds.push(u32(0x4c + i * 4));
  const perDifat = sectorSize / 4 - 1;
  const seenDifat = new Set<number>();
  for (let s = difatStart, n = 0; fatSectorIds.length < fatSectors; n++) {
    if (n >= difatSectors || !inRange(s) || seenDifat.has(s)) throw corrupt("DIFAT 链损坏", "damaged DIFAT chain");
    seenDifat.add(s);
    for (let i = 0; i < perDifat && fatSectorIds.length < fatSectors; i++) fatSectorIds.push(u32(sectorOffset(s) + i * 4));
    s = u32(sectorOffset(s) + perDifat * 4);
  }
  const fat = new Uint32Array(fatSectors * (sectorSize / 4));
  fatSectorIds.forEach((s, i) => {
    if (!inRange(s)) throw corrupt("分配表扇区越界（文件可能被截断）", "allocation table sector out of bounds (the file may be truncated)");
    for (let j = 0; j < sectorSize / 4; j++) fat[i * (sectorSize / 4) + j] = u32(sectorOffset(s) + j * 4);
  });

  /** Follow a FAT chain; a loop or a sector outside the file is damage. */
  const chain = (start: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = fat[s]!) {
      if (s === FREE && out.length === 0) break;
      if (!inRange(s) || s >= fat.length || seen.has(s)) throw brokenChain(what);
      seen.add(s);
      out.push(s);
    }
    return out;
  };
  const gather = (sectors: number[]): Uint8Array => {
    const out = new Uint8Array(sectors.length * sectorSize);
    sectors.forEach((s, i) => out.set(bytes.subarray(sectorOffset(s), sectorOffset(s) + sectorSize), i * sectorSize));
    return out;
  };

  const dirBytes = gather(chain(dirStart, "目录"));
  const entryCount = Math.min(dirBytes.length / 128, MAX_DIRECTORY_ENTRIES);
  const dv = new DataView(dirBytes.buffer);
  const entries: DirEntry[] = [];
  for (let i = 0; i < entryCount; i++) {
    const o = i * 128;
    const nameLen = Math.min(64, Math.max(0, dv.getUint16(o + 64, true) - 2));
    let name = "";
    for (let k = 0; k < nameLen; k += 2) name += String.fromCharCode(dv.getUint16(o + k, true));
    entries.push({
      name,
      type: dv.getUint8(o + 66),
      left: dv.getUint32(o + 68, true),
      right: dv.getUint32(o + 72, true),
      child: dv.getUint32(o + 76, true),
      start: dv.getUint32(o + 116, true),
      size: dv.getUint32(o + 120, true),
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw corrupt("根目录缺失", "root directory missing");

  // The directory is a tree of sibling trees; each entry must be reached once, or it loops.
  const visited = new Uint8Array(entries.length);
  const rootLevel: DirEntry[] = [];
  const stack: { id: number; top: boolean }[] = [{ id: root.child, top: true }];
  while (stack.length > 0) {
    const { id, top } = stack.pop()!;
    if (id === NO_STREAM) continue;
    if (id >= entries.length || visited[id]) throw corrupt("目录树损坏", "damaged directory tree");
    visited[id] = 1;
    const e = entries[id]!;
    if (top) rootLevel.push(e);
    stack.push({ id: e.left, top }, { id: e.right, top }, { id: e.type === 1 ? e.child : NO_STREAM, top: false });
  }

  // The mini stream (small streams live in it) is the root entry's chain, and the mini FAT has a
  // chain of its own. Both are checked whatever the root's size and the header's count say: the
  // .doc text reader follows them regardless.
  const unset = (s: number) => s === END_OF_CHAIN || s === FREE;
  /**
   * A chain declared empty (a root of size 0, no mini-FAT sectors) may still start somewhere, as
   * some writers leave it; the reader follows it as long as it meets ordinary sectors, so only a
   * loop in it is damage.
   */
  const checkLoops = (start: number, next: (s: number) => number, count: number, what: string): void => {
    const seen = new Set<number>();
    for (let s = start; s < count; s = next(s)) {
      if (seen.has(s)) throw brokenChain(what);
      seen.add(s);
    }
  };
  const fatCount = Math.min(sectorCount, fat.length);
  if (root.size === 0) checkLoops(root.start, (s) => fat[s]!, fatCount, "迷你流");
  if (miniFatSectors === 0) checkLoops(miniFatStart, (s) => fat[s]!, fatCount, "迷你分配表");
  const miniStreamSectors = unset(root.start) || root.size === 0 ? [] : chain(root.start, "迷你流");
  const miniFat = unset(miniFatStart) || miniFatSectors === 0 ? new Uint8Array(0) : gather(chain(miniFatStart, "迷你分配表"));
  const mv = new DataView(miniFat.buffer);
  const miniCount = miniFat.length / 4;
  const miniChain = (start: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = mv.getUint32(s * 4, true)) {
      if (s >= miniCount || seen.has(s) || (s * 64) / sectorSize >= miniStreamSectors.length) throw corrupt("迷你流扇区链损坏", "damaged mini-stream chain");
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  // Check every stream's chain now, so nothing downstream can be sent round a loop.
  const streams = new Map<string, DirEntry>();
  entries.forEach((e, i) => {
    if (e.type !== 2 || !visited[i]) return;
    if (e.size >= miniCutoff) chain(e.start, e.name);
    else if (e.size > 0) miniChain(e.start);
    else checkLoops(e.start, (s) => mv.getUint32(s * 4, true), miniCount, e.name);
  });
  for (const e of rootLevel) if (e.type === 2) streams.set(e.name, e);

  return {
    rootNames: new Set(rootLevel.map((e) => e.name)),
    readStream(name: string): Uint8Array | undefined {
      const e = streams.get(name);
      if (!e) return undefined;
      if (e.size >= miniCutoff) return gather(chain(e.start, e.name)).subarray(0, e.size);
      const mini = miniChain(e.start);
      const out = new Uint8Array(mini.length * 64);
      mini.forEach((m, i) => {
        const pos = m * 64;
        const host = miniStreamSectors[Math.floor(pos / sectorSize)]!;
        const from = sectorOffset(host) + (pos % sectorSize);
        out.set(bytes.subarray(from, from + 64), i * 64);
      });
      return out.subarray(0, e.size);
    },
  };
}
