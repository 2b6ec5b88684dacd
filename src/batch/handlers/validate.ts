import type { FileHandler } from "../work.js";

/** validate: interim until the review engine's rule registry lands. */
export const validateHandler: FileHandler = async () => {
  throw new Error("validate is not available in batch mode yet");
};
