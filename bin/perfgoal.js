#!/usr/bin/env node
// Thin launcher: run the compiled CLI and exit with its code. CommonJS (bin/package.json says so):
// node starts a CommonJS entry some 10 ms sooner than an ES module, which --version notices.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const argv = process.argv.slice(2);
// `perfgoal --version` is what scripts and installers call most: answer it before loading the CLI
// (commander and the command modules cost a third of the start-up time).
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${JSON.parse(readFileSync(path.join(__dirname, "../package.json"), "utf8")).version}\n`);
} else {
  const cli = (file) => import(pathToFileURL(path.join(__dirname, "../dist/cli", file)).href);
  void (async () => {
    const { run } = await cli("main.js");
    const { processIO, removePendingTemps } = await cli("io.js");
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
    // `kill`, a closed terminal, a CI timeout: like a second Ctrl-C, nothing half-written stays.
    // process.exit runs the 'exit' hooks, which also remove the review spool.
    for (const [signal, number] of [["SIGTERM", 15], ["SIGHUP", 1]]) {
      process.on(signal, () => {
        removePendingTemps();
        process.exit(128 + number);
      });
    }
    const code = await run(argv, processIO(controller.signal));
    process.exitCode = interrupted ? 130 : code;
  })();
}
