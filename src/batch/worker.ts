/** Worker thread entry: answers `{ id, task }` with `{ id, result }` for the job given in workerData. */
import { parentPort, workerData } from "node:worker_threads";
import type { FileTask, JobSpec } from "./job.js";
import { processFile, transferablesOf } from "./work.js";

const spec = workerData as JobSpec;
const port = parentPort;
if (!port) throw new Error("perfgoal batch worker must run in a worker thread");

port.on("message", (msg: { id: number; task: FileTask }) => {
  void processFile(msg.task, spec).then((result) => port.postMessage({ id: msg.id, result }, transferablesOf(result.payload)));
});
port.postMessage({ ready: true });
