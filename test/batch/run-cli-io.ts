import { run } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stderrIsTTY?: boolean;
  signal?: AbortSignal;
  /** Called on each stdout write (e.g. to press Ctrl-C after the first result). */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
}

/** Run perfgoal in-process, capturing stdout and stderr. */
export async function runCli(argv: string[], options: RunOptions): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (s) => {
      stdout += s;
      options.onStdout?.(s);
    },
    stderr: (s) => {
      stderr += s;
      options.onStderr?.(s);
    },
    readStdin: async () => Buffer.alloc(0),
    cwd: options.cwd,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    columns: 100,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
