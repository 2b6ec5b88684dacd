import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Open an HTML page in headless Chromium; resolves to the DOM after scripts ran and the page's
 * console lines (errors, CSP violations …) from Chromium's log.
 */
export async function renderInChromium(html: string, extraArgs: string[] = []): Promise<{ dom: string; console: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "pg-chromium-"));
  try {
    const page = path.join(dir, "page.html");
    writeFileSync(page, html);
    const args = [...FLAGS, `--user-data-dir=${path.join(dir, "profile")}`, "--enable-logging=stderr", "--v=0", ...extraArgs, "--dump-dom", pathToFileURL(page).href];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(CHROMIUM!, args, { maxBuffer: 256 * 1024 * 1024, timeout: 90_000 }, (err, stdout, stderr) => (err ? reject(err) : resolve({ stdout, stderr })));
    });
    return { dom: stdout, console: stderr.split("\n").filter((l) => l.includes(":CONSOLE")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
