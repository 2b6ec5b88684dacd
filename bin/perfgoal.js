#!/usr/bin/env node
// Thin launcher: run the compiled CLI and exit with its code.
import { run } from "../dist/cli/main.js";
import { processIO, removePendingTemps } from "../dist/cli/io.js";

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
const code = await run(process.argv.slice(2), processIO(controller.signal));
process.exitCode = interrupted ? 130 : code;
