import type { FileHandler } from "../work.js";

/** render: interim until the renderer lands. */
export const renderHandler: FileHandler = async () => {
  throw new Error("render is not available in batch mode yet");
};
