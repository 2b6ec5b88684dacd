import * as zlib from "node:zlib";
import { crc32Continue } from "../../parse/docx/crc32.js";
import { SIG_CENTRAL, SIG_EOCD, SIG_LOCAL } from "../../parse/docx/zip.js";
import { dosDateTime } from "../../render/zip-writer.js";

/**
 * A zip archive written as it is made: each entry is deflated while its text is produced and
 * handed on at once, with its CRC and sizes in a data descriptor after it (flag bit 3), so a
 * workbook of a million rows never sits in memory.
 */

const SIG_DESCRIPTOR = 0x08074b50;
const VERSION = 20;
/** Bit 3: CRC and sizes follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const MAX_32 = 0xffffffff;
/** Text gathered before it goes to the deflater: fewer, larger writes. */
const BATCH_CHARS = 64 * 1024;

interface Written {
  name: Uint8Array;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export class ZipStream {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly write: (chunk: Uint8Array) => Promise<void>,
    modified = new Date(),
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(modified));
  }

  private async out(chunk: Uint8Array): Promise<void> {
    this.offset += chunk.length;
    if (this.offset > MAX_32) throw new RangeError("the workbook is larger than a zip without zip64 can hold (4 GB)");
    await this.write(chunk);
  }

  /** One entry whose text comes from `produce`, which calls `put` as often as it likes. */
  async entry(name: string, produce: (put: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
    const nameBytes = new TextEncoder().encode(name);
    const offset = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.date, 12);
    // CRC and sizes (14–25) stay zero: the data descriptor carries them.
    local.writeUInt16LE(nameBytes.length, 26);
    await this.out(local);
    await this.out(nameBytes);

    const deflater = zlib.createDeflateRaw({ level: 1 });
    let compressed = 0;
    const drained = (async () => {
      for await (const chunk of deflater) {
        compressed += (chunk as Buffer).length;
        await this.out(chunk as Buffer);
      }
    })();
    // A failed write ends the deflater's reader early: stop feeding it too.
    let failure: unknown;
    drained.catch((e: unknown) => {
      failure = e;
    });
    let crc = 0;
    let size = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    const flush = async () => {
      if (pendingChars === 0) return;
      const bytes = Buffer.from(pending.join(""), "utf8");
      pending = [];
      pendingChars = 0;
      crc = crc32Continue(bytes, crc);
      size += bytes.length;
      if (size > MAX_32) throw new RangeError(`${name} is larger than a zip without zip64 can hold (4 GB)`);
      if (!deflater.write(bytes)) await new Promise<void>((resolve) => deflater.once("drain", resolve));
      if (failure) throw failure;
    };
    try {
      await produce(async (text) => {
        pending.push(text);
        pendingChars += text.length;
        if (pendingChars >= BATCH_CHARS) await flush();
      });
      await flush();
      deflater.end();
      await drained;
    } catch (e) {
      deflater.destroy();
      await drained.catch(() => undefined);
      throw failure ?? e;
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(SIG_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.out(descriptor);
    this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset });
  }

  /** The central directory and end record. */
  async finish(): Promise<void> {
    if (this.entries.length > 0xffff) throw new RangeError("too many zip entries");
    const start = this.offset;
    for (const e of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(SIG_CENTRAL, 0);
      central.writeUInt16LE(VERSION, 4);
      central.writeUInt16LE(VERSION, 6);
      central.writeUInt16LE(FLAGS, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt16LE(this.time, 12);
      central.writeUInt16LE(this.date, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.compressed, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      await this.out(central);
      await this.out(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.out(end);
  }
}
