#!/usr/bin/env node
// Thin launcher: run the compiled CLI and exit with its code.
import { readFileSync } from "node:fs";

const argv = process.argv.slice(2);
// `perfgoal --version` is what scripts and installers call most: answer it before loading the CLI
// (commander and the command modules cost a third of the start-up time).
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  const { run } = await import("../dist/cli/main.js");
  const { processIO, removePendingTemps } = await import("../dist/cli/io.js");
  const controller = new AbortController();
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) {
      removePendingTemps();
      process.exit(130);
    }
    interrupted = true;
    controller.abort();
  });
  const code = await run(argv, processIO(controller.signal));
  process.exitCode = interrupted ? 130 : code;
}
