/** XML dangers: DOCTYPEs with external or nested entities. Deep nesting and huge cells are in limits.test.ts. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip, seedBytes, seedDocumentXml, storedEntry } from "./bytes.js";
import { describeGroup } from "./group-suite.js";
import { expectRefusalLine, filesBelow, runCli, tempDir } from "./harness.js";

describeGroup("xml", "XML dangers");

describe("external entities open no connection", () => {
  let server: Server;
  let connections = 0;
  let port = 0;
  let dir: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('<!ENTITY leak "leaked">'));
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    dir = tempDir("xxe");
    mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** The seed package with one part given a DOCTYPE that points at the local server. */
  function withRemoteDoctype(part: string): Uint8Array {
    const parts = unzipSync(seedBytes("hengdong-2023.docx"));
    const url = `http://127.0.0.1:${port}/evil.dtd`;
    const xml = part === "word/document.xml" ? seedDocumentXml() : strFromU8(parts[part]!);
    const root = /<([A-Za-z:]+)[\s>]/.exec(xml.replace(/^<\?xml[^>]*\?>/, ""))![1]!;
    const doctype = `<!DOCTYPE ${root} SYSTEM "${url}" [<!ENTITY % remote SYSTEM "${url}"> %remote; <!ENTITY ext SYSTEM "${url}">]>`;
    parts[part] = strToU8(xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${doctype}`));
    return buildZip(Object.entries(parts).map(([n, d]) => storedEntry(n, d)));
  }

  it.each(["word/document.xml", "_rels/.rels", "[Content_Types].xml"])("a DOCTYPE in %s: refused as unsafe XML, server never contacted", async (part) => {
    const file = `远程 实体 ${part.replace(/[^a-z]/gi, "")}.docx`;
    writeFileSync(path.join(dir, file), withRemoteDoctype(part));
    for (const argv of [["parse", file], ["validate", file, "--no-config"], ["render", file, "--out-dir", "out"]]) {
      const run = await runCli([...argv, "-j", "1"], { cwd: dir });
      expect(run.code, run.stderr).toBe(1);
      expectRefusalLine(run.stderr, file, "PG-E-XML");
    }
    expect(filesBelow(path.join(dir, "out"))).toEqual([]);
    expect(connections).toBe(0);
  });
});
