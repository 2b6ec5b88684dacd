import type { CommandContext } from "../context.js";
import { say } from "../context.js";
import { EXIT, exitCodeFor } from "../exit-codes.js";

/**
 * Write one output a command makes from no input (init, schema): atomically, refused when it
 * exists unless `force`, never over `inputs`. A refusal is one line and the usage exit code; on
 * success the target is named on stdout.
 */
export async function writeOutput(ctx: CommandContext, target: string, shown: string, data: string | Uint8Array, options: { force: boolean; inputs?: string[] }): Promise<number> {
  const { writeFileAtomic } = await import("../io.js");
  const { isPerfgoalError, shownName } = await import("../../model/errors.js");
  try {
    await writeFileAtomic(target, data, { force: options.force, ...(options.inputs ? { inputs: options.inputs } : {}) });
  } catch (e) {
    if (!isPerfgoalError(e)) throw e;
    say(ctx, `perfgoal: ${e.describe(ctx.lang, shown)}`);
    // An output that exists or cannot be written is about the command: exit 2, as in every command.
    return exitCodeFor(e.code);
  }
  ctx.io.stdout(`→ ${shownName(shown)}\n`);
  return EXIT.ok;
}
